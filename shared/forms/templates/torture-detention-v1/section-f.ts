/**
 * F. Places of detention: one item per place, with its conditions. Guards, co-detainees and
 * deaths are groups of their own (groups do not nest), each naming the place it belongs to.
 */
import type { Section } from '../../template';
import { choice, date, group, multi, narrative, person, place, t, text } from './build';

export const SECTION_F: Section = {
  id: 'F',
  title: t('Місця утримання', 'Places of detention'),
  intro: t(
    'Окремий запис для кожного місця, у тому порядку, у якому особа там перебувала.',
    'One entry for each place, in the order the person was held there.',
  ),
  fields: [
    group(
      'places',
      'location',
      t('Місця утримання', 'Places of detention'),
      t('Місце утримання', 'Place of detention'),
      [
        place(
          'facility',
          'location',
          t('Установа чи місце', 'Facility or place'),
          t(
            'Оберіть з реєстру установ сховища або опишіть.',
            'Choose it from the vault’s facility register, or describe it.',
          ),
        ),
        choice('facility_kind', 'facility_kinds', 'location', t('Тип місця', 'Kind of place')),
        text(
          'location',
          'location',
          t('Розташування', 'Location'),
          t(
            'Населений пункт, область; наскільки точно.',
            'Town or village, region; how precisely known.',
          ),
        ),
        text(
          'how_known',
          'other',
          t('Звідки особа знає, де була', 'How the person knows where they were'),
          t(
            'Наприклад, вивіски, слова охорони чи інших в’язнів, особа впізнала місце згодом.',
            'For example signs, what guards or other detainees said, recognised it later.',
          ),
        ),
        date('date_in', 'other', t('Дата прибуття', 'Date in')),
        date('date_out', 'other', t('Дата вибуття', 'Date out')),
        narrative(
          'transfers',
          'other',
          t('Переведення', 'Transfers'),
          t(
            'Як, коли й з ким привезли сюди та вивезли; умови дороги.',
            'How, when and with whom they were brought in and taken out; conditions on the way.',
          ),
        ),
        text(
          'cell_size',
          'other',
          t('Розмір камери', 'Cell size'),
          t(
            'Словами особи чи в кроках: «приблизно 3 на 4 кроки».',
            'In the person’s words or in paces: “about 3 by 4 steps”.',
          ),
        ),
        text(
          'cell_count',
          'other',
          t('Скільки людей було в камері', 'Number held in the cell'),
          t('Число чи проміжок; чи змінювалося.', 'A number or a range; whether it changed.'),
        ),
        text(
          'light',
          'other',
          t('Освітлення', 'Light'),
          t(
            'Денне світло? Чи вимикали світло на ніч?',
            'Daylight? Was the light switched off at night?',
          ),
        ),
        text('air', 'other', t('Повітря, вентиляція', 'Air and ventilation')),
        text('temperature', 'other', t('Температура', 'Temperature')),
        text('bedding', 'other', t('Де й на чому спали', 'Bedding and place to sleep')),
        text('toilet', 'other', t('Туалет і гігієна', 'Toilet and hygiene')),
        text('water', 'other', t('Вода', 'Water')),
        text(
          'food',
          'other',
          t('Їжа', 'Food'),
          t('Що, скільки й як часто.', 'What, how much and how often.'),
        ),
        text('clothing', 'other', t('Одяг', 'Clothing')),
        text('exercise', 'other', t('Прогулянки', 'Exercise and time outside')),
        text(
          'isolation',
          'other',
          t('Ізоляція', 'Isolation'),
          t(
            'Одиночне утримання: як довго й як часто.',
            'Solitary confinement: how long and how often.',
          ),
        ),
        text(
          'sleep',
          'other',
          t('Сон', 'Sleep'),
          t(
            'Чи давали спати й лежати, в які години.',
            'Whether they could sleep or lie down, and when.',
          ),
        ),
        multi(
          'medical_care',
          'medical_attention',
          'medical',
          t('Медична допомога', 'Medical care'),
        ),
        text(
          'medical_care_note',
          'medical',
          t('Медична допомога — подробиці', 'Medical care — details'),
        ),
        narrative(
          'routine',
          'other',
          t('Звичний розпорядок', 'Usual routine'),
          t(
            'Звичайний день: що відбувалося після прибуття, під час перевірок і перекличок.',
            'An ordinary day: what happened on arrival, at inspections and roll calls.',
          ),
        ),
        narrative(
          'guards_description',
          'other',
          t('Охорона й персонал', 'Guards and staff'),
          t(
            'Описи, імена чи позивні, підрозділи; окремих людей додайте нижче.',
            'Descriptions, names or call signs, units; add individuals below.',
          ),
        ),
      ],
    ),
    text(
      'weight_at_capture',
      'medical',
      t('Вага на момент захоплення', 'Weight at capture'),
      t('Зі слів особи, приблизно.', 'Self-reported, approximate.'),
    ),
    text(
      'weight_at_release',
      'medical',
      t('Вага на момент звільнення', 'Weight at release'),
      t('Зі слів особи, приблизно.', 'Self-reported, approximate.'),
    ),
    group(
      'guards',
      'other',
      t('Охоронці та персонал', 'Guards and staff'),
      t('Охоронець чи працівник', 'Guard or staff member'),
      [
        person(
          'who',
          'perpetrators',
          'other',
          t('Хто', 'Who'),
          t('Оберіть з реєстру або опишіть.', 'Choose from the register or describe.'),
        ),
        place('facility', 'location', t('Де', 'Where')),
        text('role', 'other', t('Роль, посада, підрозділ', 'Role, post, unit')),
        text(
          'description',
          'other',
          t('Опис', 'Description'),
          t('Зовнішність, голос, прикмети.', 'Appearance, voice, distinctive features.'),
        ),
      ],
    ),
    group(
      'codetainees',
      'identifying',
      t('Співкамерники та інші в’язні', 'Co-detainees'),
      t('Співкамерник', 'Co-detainee'),
      [
        person('who', null, 'identifying', t('Хто', 'Who')),
        place('facility', 'location', t('Де були разом', 'Where they were together')),
        text(
          'known_now',
          'identifying',
          t('Що відомо про цю людину зараз', 'What is known of them now'),
        ),
      ],
      t(
        'Імена інших — лише якщо особа погоджується їх назвати.',
        'Names of others only if the person agrees to give them.',
      ),
    ),
    group(
      'deaths',
      'identifying',
      t('Смерті чи зникнення, свідком яких була особа', 'Deaths or disappearances witnessed'),
      t('Випадок', 'Case'),
      [
        choice('what', 'death_or_disappearance', 'other', t('Що сталося', 'What happened')),
        person('who', null, 'identifying', t('Хто', 'Who')),
        date('date', 'other', t('Коли', 'When')),
        place('facility', 'location', t('Де', 'Where')),
        choice('how_known', 'how_known', 'other', t('Звідки особа знає', 'How the person knows')),
        narrative('account', 'other', t('Що особа бачила чи чула', 'What the person saw or heard')),
      ],
    ),
  ],
};
