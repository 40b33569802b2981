/**
 * C. Identity (identifying by default), D. Narrative. The account itself is the testimony's main
 * narrative, stored by the app; section D holds what goes with it.
 */
import type { Section } from '../../template';
import { choice, clarifying, date, group, multi, narrative, t, text, yesno } from './build';

export const SECTION_C: Section = {
  id: 'C',
  title: t('Особа', 'Identity'),
  intro: t(
    'Усе в цьому розділі за замовчуванням вважається даними, що ідентифікують особу. Записуйте імена в усіх формах, які називає особа.',
    'Everything in this section identifies the person by default. Record names in every form the person gives.',
  ),
  fields: [
    text(
      'name_uk',
      'identifying',
      t('Ім’я українською', 'Name in Ukrainian'),
      t('Прізвище, ім’я, по батькові.', 'Surname, first name, patronymic.'),
    ),
    text(
      'name_ru',
      'identifying',
      t('Ім’я російською', 'Name in Russian'),
      t(
        'Як воно може бути записане в російських документах чи списках.',
        'As it may appear in Russian documents or lists.',
      ),
    ),
    text(
      'name_latin',
      'identifying',
      t('Ім’я латиницею', 'Name in Latin script'),
      t(
        'Як у закордонному паспорті, або транслітерація.',
        'As in the passport, or transliterated.',
      ),
    ),
    text('other_names', 'identifying', t('Інші імена й написання', 'Other names and spellings')),
    text(
      'pseudonym',
      'identifying',
      t('Псевдонім', 'Pseudonym'),
      t(
        'Використовується замість імені, якщо особа цього просить.',
        'Used instead of the name where the person asks for it.',
      ),
    ),
    date('birth_date', 'identifying', t('Дата народження', 'Date of birth')),
    text('birth_place', 'identifying', t('Місце народження', 'Place of birth')),
    choice('sex', 'sex', 'identifying', t('Стать', 'Sex')),
    text(
      'gender',
      'identifying',
      t('Гендер', 'Gender'),
      t(
        'Лише якщо особа хоче сказати, її словами.',
        'Only if the person wishes to say, in their words.',
      ),
    ),
    text(
      'citizenship',
      'identifying',
      t('Громадянство', 'Citizenship'),
      t(
        'Усі громадянства, зокрема нав’язане під час окупації.',
        'Every citizenship, including any imposed under occupation.',
      ),
    ),
    group(
      'documents',
      'identifying',
      t('Документи, що посвідчують особу', 'Identity documents'),
      t('Документ', 'Document'),
      [
        choice('kind', 'identity_document_kinds', 'identifying', t('Документ', 'Document')),
        text('number', 'identifying', t('Номер', 'Number')),
        yesno(
          'held_now',
          'identifying',
          t('Документ зараз в особи?', 'Does the person have it now?'),
        ),
        text(
          'note',
          'identifying',
          t('Примітка', 'Note'),
          t('Наприклад, хто й коли його забрав.', 'For example, who took it and when.'),
        ),
      ],
    ),
    choice(
      'status_at_capture',
      'capture_status',
      'identifying',
      t('Статус на момент захоплення', 'Status at capture'),
      t(
        'Як описує сама особа; правову оцінку робять окремо (розділ O).',
        'As the person describes it; the legal assessment is made separately (section O).',
      ),
    ),
    choice('service', 'service_branches', 'identifying', t('Формування', 'Service')),
    text(
      'unit',
      'identifying',
      t('Військова частина чи підрозділ', 'Military unit'),
      t('Номер і назва — так, як називає особа.', 'Number and name, as the person gives them.'),
    ),
    text('rank', 'identifying', t('Військове звання', 'Rank')),
    text('service_number', 'identifying', t('Особистий номер', 'Service number')),
    text(
      'occupation',
      'identifying',
      t('Рід занять', 'Occupation'),
      t('На момент захоплення.', 'At the time of capture.'),
    ),
    text(
      'residence_at_capture',
      'identifying',
      t('Місце проживання на момент захоплення', 'Residence at capture'),
      t(
        'Населений пункт і область; повну адресу — лише якщо вона потрібна.',
        'Town or village and region; the full address only if it is needed.',
      ),
    ),
    text(
      'contact',
      'identifying',
      t('Контакти', 'Contact details'),
      t(
        'Як безпечно зв’язатися: канал, зручний час, чи можуть повідомлення прочитати інші.',
        'How to reach the person safely: which channel, what times, whether others may read messages.',
      ),
    ),
    narrative(
      'health_before',
      'medical',
      t('Здоров’я до затримання', 'Health before detention'),
      t(
        'Словами особи: хвороби, травми, ліки.',
        'Self-reported: illnesses, injuries, medication, in the person’s words.',
      ),
    ),
  ],
};

export const SECTION_D: Section = {
  id: 'D',
  title: t('Розповідь', 'Narrative'),
  intro: t(
    'Спершу — вільна розповідь особи, її словами й її мовою; її записують в основному тексті свідчення. Тут — переклад, записи й уточнювальні запитання після розповіді.',
    'First comes the free account, in the person’s own words and language; it is written in the testimony’s main text. Here: the translation, recordings and the clarifying questions asked after the account.',
  ),
  fields: [
    multi(
      'narrative_languages',
      'languages',
      'other',
      t('Мова розповіді', 'Language of the account'),
    ),
    narrative(
      'translation',
      'other',
      t('Переклад розповіді', 'Translation of the account'),
      t('Оригінал лишається таким, як його розповіли.', 'The original stays as it was given.'),
    ),
    text('translated_by', 'identifying', t('Хто переклав', 'Translated by')),
    text(
      'recordings',
      'other',
      t('Записи розповіді', 'Recordings of the account'),
      t(
        'Які аудіо- чи відеофайли (розділ N) містять розповідь, з часовими позначками, якщо треба.',
        'Which audio or video files (section N) hold the account, with times if useful.',
      ),
    ),
    {
      ...group(
        'clarifying',
        'other',
        t('Уточнювальні запитання', 'Clarifying questions'),
        t('Запитання', 'Question'),
        [
          clarifying(text('question', 'other', t('Запитання', 'Question'))),
          clarifying(narrative('answer', 'other', t('Відповідь', 'Answer'))),
        ],
        t(
          'Відкриті запитання після розповіді: «Що було далі?», «Розкажіть більше про…». Не підказуйте відповідь.',
          'Open questions after the account: “What happened next?”, “Tell me more about…”. Do not suggest an answer.',
        ),
      ),
      clarifying: true,
    },
  ],
};
