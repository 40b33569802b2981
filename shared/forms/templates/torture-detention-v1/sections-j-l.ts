/** J. Deaths and mass-casualty events witnessed, K. Trials, L. Release, exchange, repatriation. */
import type { Section } from '../../template';
import { choice, date, group, multi, narrative, place, t, text, yesno } from './build';

export const SECTION_J: Section = {
  id: 'J',
  title: t('Загибель людей і масові жертви', 'Deaths and mass-casualty events witnessed'),
  intro: t(
    'Події, яких особа була свідком, наприклад вибух в Оленівці 29 липня 2022 року. Окремий запис для кожної події.',
    'Events the person witnessed, such as the explosion at Olenivka on 29 July 2022. One entry for each event.',
  ),
  fields: [
    group('events', 'other', t('Події', 'Events'), t('Подія', 'Event'), [
      text('what', 'other', t('Що це була за подія', 'What the event was')),
      date('date', 'other', t('Дата', 'Date')),
      text('time', 'other', t('Час', 'Time')),
      place('place', 'location', t('Де', 'Where')),
      text('building', 'location', t('Будівля чи приміщення', 'Building or room')),
      choice('how_known', 'how_known', 'other', t('Звідки особа знає', 'How the person knows')),
      narrative(
        'seen_heard',
        'other',
        t('Що особа бачила й чула', 'What the person saw and heard'),
      ),
      text(
        'casualties',
        'other',
        t('Загиблі й поранені', 'Dead and injured'),
        t(
          'Скільки, наскільки відомо особі, і звідки вона це знає.',
          'How many, as far as the person knows, and how they know.',
        ),
      ),
      narrative(
        'aid',
        'other',
        t('Допомога постраждалим', 'Aid given or refused'),
        t(
          'Хто допомагав, кому не дали допомогти, скільки часу минуло.',
          'Who helped, who was not allowed to help, how long it took.',
        ),
      ),
      narrative('dead_handling', 'other', t('Що робили з тілами загиблих', 'Handling of the dead')),
      text(
        'victims',
        'identifying',
        t('Відомі жертви', 'Known victims'),
        t(
          'Імена чи описи — лише ті, які знає особа.',
          'Names or descriptions, only as the person knows them.',
        ),
      ),
      narrative(
        'own_injuries',
        'medical',
        t('Власні травми', 'The person’s own injuries'),
        t('Зі слів особи.', 'Self-reported.'),
      ),
    ]),
  ],
};

export const SECTION_K: Section = {
  id: 'K',
  title: t('Суди', 'Trials'),
  intro: t(
    'Окремий запис для кожного судового процесу, у якому особу обвинувачували.',
    'One entry for each trial in which the person was accused.',
  ),
  fields: [
    group('trials', 'other', t('Судові процеси', 'Trials'), t('Судовий процес', 'Trial'), [
      multi('charge_kinds', 'charge_kinds', 'other', t('Обвинувачення', 'Charges')),
      text(
        'charges',
        'other',
        t('Обвинувачення дослівно', 'Charges as stated'),
        t('Зокрема номери статей, якщо відомі.', 'Including article numbers, if known.'),
      ),
      choice('court_kind', 'court_kinds', 'other', t('Який суд', 'Kind of court')),
      text('court', 'other', t('Назва суду', 'Name of the court')),
      place('place', 'location', t('Де', 'Where')),
      date(
        'dates',
        'other',
        t('Дати', 'Dates'),
        t('Проміжок, якщо процес тривав кілька днів.', 'A range if the trial lasted several days.'),
      ),
      yesno('closed_hearing', 'other', t('Чи було засідання закритим?', 'Was the hearing closed?')),
      yesno(
        'present',
        'other',
        t('Чи була особа присутня в суді?', 'Was the person present in court?'),
      ),
      multi('languages', 'languages', 'other', t('Мова процесу', 'Language of the proceedings')),
      yesno('interpretation', 'other', t('Чи був переклад?', 'Was interpretation provided?')),
      multi('counsel', 'legal_counsel', 'other', t('Захисник', 'Legal counsel')),
      narrative(
        'evidence',
        'other',
        t('Які докази використали', 'Evidence used'),
        t(
          'Зокрема заяви, які, за словами особи, отримали під примусом, чи зняті «зізнання».',
          'Including statements the person says were coerced, or filmed “confessions”.',
        ),
      ),
      text('verdict', 'other', t('Вирок', 'Verdict')),
      text('sentence', 'other', t('Покарання', 'Sentence')),
      text(
        'appeal',
        'other',
        t('Апеляція', 'Appeal'),
        t('Чи подавали, чим закінчилася.', 'Whether filed, and its outcome.'),
      ),
    ]),
  ],
};

export const SECTION_L: Section = {
  id: 'L',
  title: t('Звільнення, обмін, репатріація', 'Release, exchange, repatriation'),
  fields: [
    date('date', 'other', t('Дата звільнення', 'Date of release')),
    choice('mode', 'release_modes', 'other', t('Як звільнено', 'Mode of release')),
    text(
      'exchange_number',
      'other',
      t('Номер обміну, якщо відомий', 'Exchange number, if known'),
      t(
        'Наприклад, як його оголосив Координаційний штаб.',
        'For example as announced by the Coordination Headquarters.',
      ),
    ),
    text('route', 'location', t('Маршрут', 'Route')),
    place(
      'handover_point',
      'location',
      t('Місце передачі', 'Hand-over point'),
      t('Наприклад, пункт пропуску на кордоні.', 'For example a border crossing point.'),
    ),
    narrative(
      'condition',
      'medical',
      t('Стан на момент звільнення', 'Condition at release'),
      t(
        'Зі слів особи; вагу записують у розділі F.',
        'Self-reported; weight is recorded in section F.',
      ),
    ),
    text(
      'documents_received',
      'other',
      t('Отримані документи', 'Documents received'),
      t(
        'Наприклад, довідка про звільнення; копії — у розділі N.',
        'For example a release certificate; copies go in section N.',
      ),
    ),
    yesno('belongings_returned', 'other', t('Чи повернули речі?', 'Were belongings returned?')),
  ],
};
