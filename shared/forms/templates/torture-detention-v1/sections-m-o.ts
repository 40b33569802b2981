/**
 * M. After-effects (self-reported: interviewers are not clinicians), N. Corroboration and
 * evidence items, O. Assessment (kept apart from the account, never shown as conclusions).
 */
import type { Section } from '../../template';
import {
  bodymap,
  choice,
  date,
  group,
  multi,
  narrative,
  person,
  place,
  t,
  text,
  yesno,
} from './build';

const inOwnWords = t(
  'Словами особи, без діагнозів.',
  'Self-reported, in the person’s words; no diagnoses.',
);

export const SECTION_M: Section = {
  id: 'M',
  title: t('Наслідки (зі слів особи)', 'After-effects (self-reported)'),
  intro: t(
    'Інтерв’юер не проводить медичного огляду. Записуйте те, що каже особа, і запропонуйте направлення на медичну оцінку.',
    'The interviewer does not examine. Write down what the person says, and offer a referral for a medical evaluation.',
  ),
  fields: [
    narrative(
      'physical_during',
      'medical',
      t('Фізичні симптоми під час утримання', 'Physical symptoms during detention'),
      inOwnWords,
    ),
    narrative(
      'physical_now',
      'medical',
      t('Фізичні симптоми зараз', 'Physical symptoms now'),
      inOwnWords,
    ),
    narrative(
      'psychological_during',
      'medical',
      t('Психологічний стан під час утримання', 'Psychological state during detention'),
      inOwnWords,
    ),
    narrative(
      'psychological_now',
      'medical',
      t('Психологічний стан зараз', 'Psychological state now'),
      inOwnWords,
    ),
    bodymap('injuries_scars', 'medical', t('Травми й шрами', 'Injuries and scars')),
    text(
      'injuries_note',
      'medical',
      t('Опис травм і шрамів', 'Description of injuries and scars'),
      t(
        'Словами особи, зокрема від чого кожна, як вона каже.',
        'In the person’s words, including what caused each, as they say.',
      ),
    ),
    yesno(
      'photographs_taken',
      'medical',
      t('Чи сфотографовано травми?', 'Were injuries photographed?'),
      t(
        'Лише за згодою на фотографування (розділ B); фото додайте в розділі N.',
        'Only with the consent to photographs (section B); add the photos in section N.',
      ),
    ),
    text(
      'medical_records',
      'medical',
      t('Медичні документи', 'Medical records'),
      t(
        'Які є і де зберігаються; копії — у розділі N.',
        'Which exist and where they are; copies go in section N.',
      ),
    ),
    text('treatment_since', 'medical', t('Лікування після звільнення', 'Treatment since release')),
    choice(
      'evaluation_referral',
      'evaluation_referral',
      'medical',
      t(
        'Медична оцінка за Стамбульським протоколом',
        'Medical evaluation under the Istanbul Protocol',
      ),
    ),
    text('evaluation_referred_to', 'medical', t('Куди направлено', 'Referred to')),
  ],
};

export const SECTION_N: Section = {
  id: 'N',
  title: t('Підтвердження та матеріали', 'Corroboration and evidence items'),
  intro: t(
    'Зв’язки з іншими записами сховища та додані матеріали. Оригінал не змінюють: працюють з копіями.',
    'Links to other records in the vault, and attached items. The original is never altered: work on copies.',
  ),
  fields: [
    group(
      'related_testimonies',
      'other',
      t('Пов’язані свідчення', 'Related testimonies'),
      t('Свідчення', 'Testimony'),
      [
        text(
          'record_code',
          'other',
          t('Код запису', 'Record code'),
          t('Код, а не ім’я.', 'The code, not a name.'),
        ),
        text('relation', 'other', t('Як пов’язане', 'How it is related')),
      ],
    ),
    group(
      'related_facilities',
      'location',
      t('Пов’язані установи', 'Related facilities'),
      t('Установа', 'Facility'),
      [
        place('facility', 'location', t('Установа', 'Facility')),
        text('relation', 'other', t('Як пов’язана', 'How it is related')),
      ],
    ),
    group(
      'related_perpetrators',
      'other',
      t('Пов’язані кривдники', 'Related perpetrators'),
      t('Кривдник', 'Perpetrator'),
      [
        person('perpetrator', 'perpetrators', 'other', t('Хто', 'Who')),
        text('relation', 'other', t('Як пов’язаний', 'How they are related')),
      ],
    ),
    text(
      'related_events',
      'other',
      t('Пов’язані події', 'Related events'),
      t(
        'Наприклад, обмін, вибух, етапування.',
        'For example an exchange, an explosion, a convoy transfer.',
      ),
    ),
    group('items', 'other', t('Матеріали', 'Evidence items'), t('Матеріал', 'Item'), [
      choice('kind', 'evidence_item_kinds', 'other', t('Що це', 'Kind')),
      text(
        'attachment',
        'other',
        t('Доданий файл', 'Attached file'),
        t(
          'Назва файлу, доданого до свідчення в сховищі.',
          'Name of the file attached to the testimony in the vault.',
        ),
      ),
      text(
        'sha256',
        'other',
        t('SHA-256 під час приймання', 'SHA-256 at intake'),
        t(
          'Для доданого файлу застосунок обчислює його сам; для матеріалу поза сховищем — записаний під час отримання.',
          'For an attached file the app computes it; for an item kept outside the vault, the one recorded on receipt.',
        ),
      ),
      choice(
        'copy',
        'copy_kinds',
        'other',
        t('Оригінал чи робоча копія', 'Original or working copy'),
      ),
      date('received', 'other', t('Коли отримано', 'Date received')),
      narrative(
        'provenance',
        'other',
        t('Походження', 'Provenance'),
        t(
          'Хто створив чи передав, коли, як матеріал потрапив до вас.',
          'Who made or provided it, when, and how it reached you.',
        ),
      ),
      narrative(
        'custody',
        'other',
        t('Ланцюг зберігання', 'Chain of custody'),
        t(
          'Передання поза застосунком; власні записи про зберігання застосунок веде сам.',
          'Hand-overs outside the app; the app keeps its own custody entries.',
        ),
      ),
    ]),
    group(
      'open_sources',
      'other',
      t('Відкриті джерела', 'Open-source references'),
      t('Джерело', 'Source'),
      [
        text(
          'reference',
          'other',
          t('Посилання', 'Reference'),
          t('Адреса чи бібліографічний опис.', 'Address or citation.'),
        ),
        text('description', 'other', t('Що там', 'What it shows')),
        date('accessed', 'other', t('Коли переглянуто', 'Date accessed')),
        text('archived_copy', 'other', t('Архівна копія', 'Archived copy')),
      ],
    ),
  ],
};

export const SECTION_O: Section = {
  id: 'O',
  title: t('Оцінка', 'Assessment'),
  intro: t(
    'Окремо від розповіді. Ніколи не показується особі як висновок.',
    'Kept apart from the account. Never shown to the person as a conclusion.',
  ),
  fields: [
    multi('how_known', 'how_known', 'other', t('Звідки особа знає', 'How the person knows')),
    text(
      'how_known_note',
      'other',
      t('Звідки особа знає — подробиці', 'How the person knows — details'),
    ),
    narrative(
      'inconsistencies',
      'other',
      t('Розбіжності та їхній контекст', 'Inconsistencies and their context'),
      t(
        'Розбіжності — з контекстом (травма, час, переклад), а не як оцінка правдивості.',
        'Note them with their context (trauma, time, interpretation), not as a judgment of credibility.',
      ),
    ),
    narrative('interviewer_notes', 'other', t('Нотатки інтерв’юера', 'Interviewer’s notes')),
    group(
      'follow_up',
      'other',
      t('Що потрібно зробити далі', 'Follow-up needed'),
      t('Завдання', 'Task'),
      [
        text('task', 'other', t('Що зробити', 'What to do')),
        choice('priority', 'follow_up_priorities', 'other', t('Терміновість', 'Priority')),
        yesno('done', 'other', t('Зроблено?', 'Done?')),
      ],
    ),
    multi(
      'legal_tags',
      'legal_tags',
      'other',
      t('Попередня правова кваліфікація', 'Provisional legal tags'),
      t(
        'Попередньо, для юристів. Ніколи не показується особі як висновок.',
        'Provisional, for the legal team. Never shown to the person as a conclusion.',
      ),
    ),
    narrative('legal_notes', 'other', t('Правові нотатки', 'Legal notes')),
  ],
};
