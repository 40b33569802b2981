/** G. Contact with the outside (incommunicado detention), H. Interrogations (repeatable). */
import type { Section } from '../../template';
import { date, group, multi, narrative, person, place, t, text, yesno } from './build';

export const SECTION_G: Section = {
  id: 'G',
  title: t('Зв’язок із зовнішнім світом', 'Contact with the outside'),
  intro: t(
    'Хто знав, де перебуває особа, і чи могла вона з кимось зв’язатися. Багато що з цього стає відомим лише після звільнення.',
    'Who knew where the person was, and whether they could reach anyone. Much of this is learnt only after release.',
  ),
  fields: [
    yesno(
      'capture_acknowledged',
      'other',
      t(
        'Чи визнала сторона, що утримувала, факт затримання?',
        'Did the detaining side acknowledge the capture?',
      ),
      t(
        'Наприклад, у списках для МКЧХ чи України, або повідомивши родину.',
        'For example on lists for the ICRC or Ukraine, or by telling the family.',
      ),
    ),
    multi(
      'outside_contact',
      'outside_contact',
      'other',
      t('Зв’язок із зовнішнім світом', 'Outside contact'),
    ),
    yesno(
      'family_informed',
      'other',
      t('Чи знала родина, де перебуває особа?', 'Did the family know where the person was?'),
    ),
    text(
      'family_informed_how',
      'other',
      t('Як і коли родина дізналася', 'How and when the family learnt'),
    ),
    yesno(
      'capture_card',
      'other',
      t('Чи заповнювали картку про взяття в полон?', 'Was a capture card filled in?'),
      t(
        'Для військовополонених: ЖК III, ст. 70 — картка для родини й Центрального агентства з розшуку, протягом тижня.',
        'For prisoners of war: GC III art. 70, a card for the family and the Central Tracing Agency, within a week.',
      ),
    ),
    text(
      'letters',
      'other',
      t('Листи', 'Letters'),
      t(
        'Скільки, коли, чи цензурували, чи отримала їх родина.',
        'How many, when, whether censored, whether the family received them.',
      ),
    ),
    text('parcels', 'other', t('Посилки', 'Parcels')),
    multi('icrc_visits', 'icrc_visits', 'other', t('Візити МКЧХ', 'ICRC visits')),
    date('icrc_visit_date', 'other', t('Коли був візит', 'Date of the visit')),
    narrative(
      'icrc_visit_note',
      'other',
      t(
        'Що відбувалося перед візитом, під час і після',
        'What happened before, during and after the visit',
      ),
      t('Словами особи.', 'In the person’s words.'),
    ),
    yesno(
      'lawyer_access',
      'other',
      t('Чи був доступ до адвоката?', 'Was there access to a lawyer?'),
    ),
    yesno(
      'consul_access',
      'other',
      t('Чи був доступ до консула?', 'Was there access to a consul?'),
    ),
    yesno(
      'ukraine_access',
      'other',
      t(
        'Чи був зв’язок з українськими органами влади?',
        'Was there contact with Ukrainian authorities?',
      ),
    ),
    text('access_note', 'other', t('Доступ — подробиці', 'Access — details')),
    yesno(
      'listed_missing',
      'other',
      t('Чи значилася особа зниклою безвісти?', 'Was the person listed as missing?'),
    ),
    multi('listed_missing_by', 'missing_listings', 'other', t('Де саме', 'Listed by')),
    text('listed_missing_note', 'other', t('Зникнення — подробиці', 'Missing listing — details')),
  ],
};

export const SECTION_H: Section = {
  id: 'H',
  title: t('Допити', 'Interrogations'),
  intro: t(
    'Окремий запис для кожного допиту або серії схожих допитів. Насильство під час допиту записуйте в розділі I.',
    'One entry for each interrogation, or for a series of similar ones. Record violence during an interrogation in section I.',
  ),
  fields: [
    group('interrogations', 'other', t('Допити', 'Interrogations'), t('Допит', 'Interrogation'), [
      date('date', 'other', t('Коли', 'When')),
      text(
        'repeated',
        'other',
        t('Скільки разів', 'How many times'),
        t(
          'Якщо запис описує кілька схожих допитів.',
          'If the entry describes several similar interrogations.',
        ),
      ),
      place('place', 'location', t('Де', 'Where')),
      text(
        'room',
        'location',
        t('Приміщення', 'Room'),
        t(
          'Наприклад, окремий кабінет, камера, надворі.',
          'For example a separate office, the cell, outdoors.',
        ),
      ),
      person(
        'interrogator',
        'perpetrators',
        'other',
        t('Хто допитував', 'Interrogated by'),
        t(
          'Оберіть з реєстру або опишіть; інших — нижче.',
          'Choose from the register or describe; others below.',
        ),
      ),
      text('others_present', 'other', t('Хто ще був присутній', 'Others present')),
      multi(
        'agency',
        'force_kinds',
        'other',
        t('Відомство', 'Agency'),
        t('Як особа знала чи зрозуміла.', 'As the person knew or understood it.'),
      ),
      multi('languages', 'languages', 'other', t('Мова допиту', 'Language of the interrogation')),
      yesno('interpreter', 'other', t('Чи був перекладач?', 'Was there an interpreter?')),
      narrative('questions', 'other', t('Про що питали', 'Questions asked')),
      narrative('demands', 'other', t('Чого вимагали', 'Demands made')),
      text(
        'coercion',
        'other',
        t('Примус', 'Coercion'),
        t('Коротко; кожен випадок — у розділі I.', 'Briefly; each act in section I.'),
      ),
      narrative(
        'threats',
        'other',
        t('Погрози', 'Threats'),
        t('Щодо самої особи, її родини чи інших.', 'Against the person, their family or others.'),
      ),
      yesno(
        'threats_family',
        'other',
        t('Чи погрожували родині?', 'Were there threats against the family?'),
      ),
      multi(
        'statements_signed',
        'statements_signed',
        'other',
        t('Підписані документи', 'Statements signed'),
      ),
      text(
        'statement_content',
        'other',
        t('Що було в документі', 'What the document said, if known'),
      ),
      multi(
        'filmed',
        'filming_kinds',
        'other',
        t('Зйомка', 'Filming'),
        t('«Зізнання», інтерв’ю, звернення.', '“Confessions”, interviews, appeals.'),
      ),
      text(
        'filming_note',
        'other',
        t('Де це показували, якщо відомо', 'Where it was shown, if known'),
      ),
      multi('pressure', 'pressure_kinds', 'other', t('До чого схиляли', 'Pressure to')),
      text('pressure_note', 'other', t('Тиск — подробиці', 'Pressure — details')),
    ]),
  ],
};
