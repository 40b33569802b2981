/**
 * I. Acts of torture and ill-treatment (repeatable), SV. Sexual violence: shown only to a
 * qualified interviewer with the person's specific consent, and asking the minimum.
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

export const SECTION_I: Section = {
  id: 'I',
  title: t('Катування та жорстоке поводження', 'Torture and ill-treatment'),
  intro: t(
    'Окремий запис для кожного випадку чи повторюваного поводження (наприклад, «щоденні побиття на перекличці»). Лише те, що особа сама хоче розповісти. Сексуальне насильство, зокрема примусове оголення, записують лише в окремому розділі.',
    'One entry for each act or repeated pattern (for example “daily beatings at roll call”). Only what the person chooses to tell. Sexual violence, including forced nudity, is recorded only in its own section.',
  ),
  fields: [
    group('acts', 'other', t('Випадки', 'Acts'), t('Випадок', 'Act'), [
      date('date', 'other', t('Дата чи період', 'Date or period')),
      choice('frequency', 'frequencies', 'other', t('Як часто', 'How often')),
      text(
        'duration',
        'other',
        t('Тривалість', 'Duration'),
        t(
          'Скільки тривало щоразу і впродовж якого часу повторювалося.',
          'How long each time, and over what period it went on.',
        ),
      ),
      place('place', 'location', t('Де', 'Where')),
      multi('context', 'act_contexts', 'other', t('За яких обставин', 'Context')),
      multi('methods', 'ill_treatment_methods', 'other', t('Методи', 'Methods')),
      narrative(
        'description',
        'other',
        t('Що відбувалося, словами особи', 'What was done, in the person’s words'),
      ),
      bodymap('body_regions', 'medical', t('Частини тіла', 'Parts of the body affected')),
      text(
        'instruments',
        'other',
        t('Знаряддя', 'Instruments or objects used'),
        t(
          'Наприклад, кийки, приклади, польовий телефон.',
          'For example batons, rifle butts, a field telephone.',
        ),
      ),
      person(
        'perpetrator',
        'perpetrators',
        'other',
        t('Хто це робив', 'Perpetrator'),
        t(
          'Оберіть з реєстру або опишіть; інших — нижче.',
          'Choose from the register or describe; others below.',
        ),
      ),
      text(
        'other_perpetrators',
        'other',
        t('Інші причетні', 'Others involved'),
        t(
          'Імена, позивні, описи; за змоги додайте кожного до реєстру.',
          'Names, call signs, descriptions; add each to the register if you can.',
        ),
      ),
      multi(
        'purpose',
        'purposes',
        'other',
        t('Мета, як її розуміє особа', 'Purpose, as the person understood it'),
        t(
          'Лише якщо особа сама про це говорить, наприклад, чого при цьому вимагали.',
          'Only if the person speaks of it, for example what was demanded at the time.',
        ),
      ),
      multi(
        'medical_staff',
        'medical_involvement',
        'other',
        t('Медичний персонал', 'Medical staff present or involved'),
      ),
      person(
        'witness',
        null,
        'identifying',
        t('Свідок', 'Witness'),
        t('Інших свідків — у примітці нижче.', 'Other witnesses in the note below.'),
      ),
      text('witnesses_note', 'identifying', t('Інші свідки', 'Other witnesses')),
      yesno(
        'made_to_watch',
        'other',
        t(
          'Чи змушували особу дивитися, як так поводяться з іншими?',
          'Was the person made to watch this done to others?',
        ),
      ),
      narrative(
        'immediate_effects',
        'medical',
        t('Безпосередні наслідки', 'Immediate effects'),
        t(
          'Словами особи: біль, травми, втрата свідомості.',
          'Self-reported: pain, injuries, loss of consciousness, in the person’s words.',
        ),
      ),
    ]),
  ],
};

export const SECTION_SV: Section = {
  id: 'SV',
  title: t('Сексуальне насильство', 'Sexual violence'),
  gate: 'sexual_violence',
  intro: t(
    'Розділ видно лише кваліфікованому інтерв’юерові й лише за окремою згодою особи. Запитуйте мінімум: особа може пропустити будь-яке запитання, а подробиці можна залишити фахівцям.',
    'Shown only to a qualified interviewer and only with the person’s specific consent. Ask the minimum: the person may skip any question, and details can be left to specialists.',
  ),
  fields: [
    multi(
      'kinds',
      'sexual_violence_kinds',
      'sexual_violence',
      t('Що сталося, узагальнено', 'What happened, in general terms'),
      t('Лише те, що особа назвала сама.', 'Only what the person has named themself.'),
    ),
    date('date', 'sexual_violence', t('Коли', 'When')),
    place('place', 'sexual_violence', t('Де', 'Where')),
    person('perpetrator', 'perpetrators', 'sexual_violence', t('Хто', 'Who')),
    narrative(
      'account',
      'sexual_violence',
      t('Словами особи, якщо вона хоче', 'In the person’s words, if they wish'),
      t(
        'Не розпитуйте про подробиці. Особа сама вирішує, що розповісти.',
        'Do not press for details. The person decides what to tell.',
      ),
    ),
    yesno(
      'support_offered',
      'sexual_violence',
      t('Чи запропоновано підтримку?', 'Was support offered?'),
      t('Медичну, психологічну, правову.', 'Medical, psychological, legal.'),
    ),
    yesno(
      'specialist_wanted',
      'sexual_violence',
      t('Чи хоче особа поговорити з фахівцем?', 'Does the person want to talk to a specialist?'),
    ),
  ],
};
