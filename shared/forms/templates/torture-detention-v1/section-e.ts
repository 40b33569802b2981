/** E. Capture: when, where and how, by whom, and what happened until the first place of detention. */
import type { Section } from '../../template';
import { choice, date, group, multi, narrative, person, place, t, text, yesno } from './build';

export const SECTION_E: Section = {
  id: 'E',
  title: t('Захоплення', 'Capture'),
  intro: t(
    'Запитуйте після вільної розповіді й лише про те, чого в ній ще не було.',
    'Ask after the free account, and only about what it has not already covered.',
  ),
  fields: [
    date(
      'date',
      'other',
      t('Дата захоплення', 'Date of capture'),
      t(
        'Точна чи приблизна: «14.03.2022», «приблизно квітень 2022», «весна 2022», проміжок.',
        'Exact or approximate: “14.03.2022”, “about April 2022”, “spring 2022”, a range.',
      ),
    ),
    text(
      'time',
      'other',
      t('Час доби', 'Time of day'),
      t(
        'Наприклад, «рано вранці», «близько 14:00».',
        'For example “early morning”, “about 14:00”.',
      ),
    ),
    place(
      'place',
      'location',
      t('Місце захоплення', 'Place of capture'),
      t(
        'Населений пункт, район, орієнтир. Якщо це установа з реєстру — оберіть її.',
        'Town or village, district, landmark. If it is a facility in the register, choose it.',
      ),
    ),
    choice(
      'place_precision',
      'place_precision',
      'location',
      t('Наскільки точно відоме місце', 'How precise the place is'),
    ),
    choice('place_kind', 'capture_place_kinds', 'location', t('Де і як захопили', 'Kind of place')),
    narrative(
      'circumstances',
      'other',
      t('Обставини', 'Circumstances'),
      t('Словами особи.', 'In the person’s words.'),
    ),
    text(
      'captured_with_count',
      'other',
      t('Скільки людей захопили разом з особою', 'How many were captured at the same time'),
      t('Число або приблизно: «близько двадцяти».', 'A number, or roughly: “about twenty”.'),
    ),
    group(
      'captured_with',
      'identifying',
      t('Захоплені разом з особою', 'Others captured at the same time'),
      t('Людина', 'Person'),
      [
        person('who', null, 'identifying', t('Хто', 'Who')),
        text(
          'known_now',
          'identifying',
          t('Що відомо про цю людину зараз', 'What is known of them now'),
        ),
      ],
    ),
    multi(
      'force_kinds',
      'force_kinds',
      'other',
      t('Хто захопив', 'Capturing force'),
      t('Як особа знала чи зрозуміла.', 'As the person knew or understood it.'),
    ),
    text(
      'force_unit',
      'other',
      t('Підрозділ чи відомство', 'Unit or agency'),
      t(
        'І звідки особа це знає: з шевронів, зі сказаного тощо.',
        'And how the person knows: from patches, from what was said, and so on.',
      ),
    ),
    text('uniform', 'other', t('Однострій', 'Uniform')),
    text(
      'insignia',
      'other',
      t('Розпізнавальні знаки', 'Insignia and markings'),
      t('Шеврони, пов’язки, літери, колір стрічок.', 'Patches, armbands, letters, colour of tape.'),
    ),
    text(
      'vehicles',
      'other',
      t('Транспорт і техніка', 'Vehicles'),
      t('Тип, позначки, номери.', 'Type, markings, number plates.'),
    ),
    text('force_language', 'other', t('Мова й акцент', 'Language and accent')),
    group(
      'captors',
      'other',
      t('Імена чи позивні', 'Names or call signs'),
      t('Учасник захоплення', 'Captor'),
      [
        person(
          'who',
          'perpetrators',
          'other',
          t('Хто', 'Who'),
          t('Оберіть з реєстру або опишіть.', 'Choose from the register or describe.'),
        ),
        text('role', 'other', t('Роль', 'Role')),
      ],
    ),
    narrative('force_used', 'other', t('Застосована сила', 'Force used')),
    narrative(
      'injuries',
      'medical',
      t('Травми під час захоплення', 'Injuries at capture'),
      t('Зі слів особи.', 'Self-reported.'),
    ),
    multi('restraints', 'restraint_kinds', 'other', t('Засоби обмеження рухів', 'Restraints')),
    multi(
      'eyes_covered',
      'eye_coverings',
      'other',
      t('Чим закривали очі чи голову', 'Eyes or head covered'),
    ),
    text(
      'property_taken',
      'other',
      t('Що забрали', 'Property taken'),
      t(
        'Документи, телефон, гроші, речі; чи дали якусь розписку.',
        'Documents, phone, money, belongings; whether any receipt was given.',
      ),
    ),
    text(
      'reasons_given',
      'other',
      t('Чим пояснили затримання', 'Reasons given'),
      t('Що сказали ті, хто захопив, якщо щось казали.', 'What the captors said, if anything.'),
    ),
    multi(
      'documents_signed',
      'statements_signed',
      'other',
      t('Підписані документи', 'Documents signed'),
    ),
    text('documents_signed_note', 'other', t('Що саме підписували', 'What was signed')),
    text('transport_vehicle', 'other', t('На чому везли', 'Vehicle used for transport')),
    text('transport_route', 'location', t('Маршрут', 'Route')),
    text('transport_duration', 'other', t('Скільки тривала дорога', 'Duration of the journey')),
    narrative(
      'transport_conditions',
      'other',
      t('Умови під час перевезення', 'Conditions during transport'),
    ),
    yesno(
      'filtration',
      'other',
      t('Чи проходила особа «фільтрацію»?', 'Did the person go through “filtration”?'),
    ),
    place(
      'filtration_place',
      'location',
      t('Де проходила «фільтрація»', 'Where filtration took place'),
    ),
    date('filtration_date', 'other', t('Коли', 'When')),
    multi(
      'filtration_procedures',
      'filtration_procedures',
      'other',
      t('Що робили під час «фільтрації»', 'What was done during filtration'),
    ),
    narrative(
      'filtration_account',
      'other',
      t('«Фільтрація» словами особи', 'Filtration in the person’s words'),
    ),
  ],
};
