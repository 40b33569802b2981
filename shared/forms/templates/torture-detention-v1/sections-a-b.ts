/**
 * A. Record and sessions, B. Consent and safety. Sessions, breaks, skipped sections and stops are
 * flow events (sessions.ts), not answers. Section B's field ids are fixed by consent.ts.
 */
import type { Section } from '../../template';
import { choice, date, group, multi, narrative, t, text, yesno } from './build';

export const SECTION_A: Section = {
  id: 'A',
  title: t('Запис і сесії', 'Record and sessions'),
  intro: t(
    'Початок і кінець сесій, перерви, пропущені розділи та зупинки застосунок фіксує сам, коли вони відбуваються. Тут — відомості про запис загалом.',
    'The app records the start and end of sessions, breaks, skipped sections and stops as they happen. Here: facts about the record as a whole.',
  ),
  fields: [
    text(
      'organisation',
      'other',
      t('Організація', 'Organisation'),
      t('Організація, яка записує свідчення.', 'The organisation taking the testimony.'),
    ),
    text(
      'interviewer',
      'identifying',
      t('Інтерв’юер', 'Interviewer'),
      t(
        'Ім’я або службовий код — як заведено у вашій організації.',
        'Name or staff code, as your organisation records it.',
      ),
    ),
    multi(
      'settings',
      'session_settings',
      'other',
      t('Обстановка інтерв’ю', 'Interview setting'),
      t('Тип місця, а не адреса.', 'The kind of place, not the address.'),
    ),
    group(
      'present',
      'identifying',
      t('Присутні під час інтерв’ю', 'People present'),
      t('Присутня особа', 'Person present'),
      [
        choice('role', 'present_roles', 'other', t('Роль', 'Role')),
        text(
          'name',
          'identifying',
          t('Ім’я або опис', 'Name or description'),
          t(
            'Наприклад, «сестра опитуваної особи», якщо ім’я не потрібне.',
            'For example “the person’s sister”, if a name is not needed.',
          ),
        ),
      ],
      t('Усі, хто був присутній, разом з вами.', 'Everyone who was present, yourself included.'),
    ),
    yesno('interpreter_used', 'other', t('Чи був перекладач?', 'Was an interpreter used?')),
    text(
      'interpreter',
      'identifying',
      t('Перекладач', 'Interpreter'),
      t(
        'Ім’я або код і між якими мовами перекладав.',
        'Name or code, and the languages they interpreted between.',
      ),
    ),
    multi('languages', 'languages', 'other', t('Мови інтерв’ю', 'Languages used')),
    text('languages_other', 'other', t('Інші мови', 'Other languages')),
    multi(
      'recording_modes',
      'recording_modes',
      'other',
      t('Спосіб фіксації', 'Recording mode'),
      t(
        'Аудіо чи відео — лише за згодою з розділу B.',
        'Audio or video only with the consent recorded in section B.',
      ),
    ),
    group(
      'earlier_interviews',
      'other',
      t('Попередні інтерв’ю', 'Earlier interviews'),
      t('Попереднє інтерв’ю', 'Earlier interview'),
      [
        choice('by_kind', 'interviewer_kinds', 'other', t('Хто проводив', 'Held by')),
        text(
          'by_name',
          'other',
          t('Назва організації чи органу', 'Name of the organisation or authority'),
        ),
        date('date', 'other', t('Коли', 'When')),
        yesno('recorded', 'other', t('Чи записували?', 'Was it recorded?')),
        yesno('copy_held', 'other', t('Чи має особа копію?', 'Does the person have a copy?')),
        text('note', 'other', t('Примітка', 'Note')),
      ],
      t(
        'Інтерв’ю іншими організаціями чи органами влади. Допомагає не розпитувати про те саме без потреби.',
        'Interviews by other organisations or authorities. Helps avoid asking about the same things again without need.',
      ),
    ),
    choice('referred_by', 'referral_sources', 'other', t('Хто направив', 'Referred by')),
    text('referred_by_note', 'other', t('Хто саме направив', 'Referred by whom exactly')),
  ],
};

export const SECTION_B: Section = {
  id: 'B',
  title: t('Згода і безпека', 'Consent and safety'),
  intro: t(
    'До згоди можна зберегти лише код запису й цей розділ. Прочитайте пояснення, дайте змогу поставити запитання й запишіть кожну згоду окремо.',
    'Until consent is given, only the record code and this section can be saved. Read the explanation, leave room for questions, and record each consent separately.',
  ),
  fields: [
    yesno(
      'explanation_given',
      'other',
      t('Пояснення прочитано й обговорено', 'Explanation read and discussed'),
    ),
    text(
      'explanation_hash',
      'other',
      t('Геш показаного пояснення', 'Hash of the explanation shown'),
      t(
        'Заповнює застосунок: SHA-256 тексту пояснення, показаного особі.',
        'Filled in by the app: the SHA-256 of the explanation text shown to the person.',
      ),
    ),
    choice(
      'explanation_language',
      'languages',
      'other',
      t('Мова пояснення', 'Language of the explanation'),
    ),
    yesno(
      'understood',
      'other',
      t(
        'Особа розповіла своїми словами, що буде зі свідченням',
        'The person said in their own words what will happen with the testimony',
      ),
      t(
        'Так перевіряють розуміння, а не запитанням «Вам зрозуміло?».',
        'This checks understanding better than asking “Is that clear?”.',
      ),
    ),
    multi('risks_explained', 'risks_explained', 'other', t('Пояснені ризики', 'Risks explained')),
    narrative(
      'risks_note',
      'other',
      t('Що ще обговорили щодо безпеки', 'Other safety matters discussed'),
    ),
    text(
      'relatives_at_risk',
      'identifying',
      t(
        'Рідні, які досі в неволі чи в окупації',
        'Relatives still detained or in occupied territory',
      ),
      t(
        'Лише те, що потрібно для оцінки ризику, без адрес.',
        'Only what is needed to assess the risk; no addresses.',
      ),
    ),
    group(
      'scopes',
      'other',
      t('Згоди', 'Consents'),
      t('Згода', 'Consent'),
      [
        choice('scope', 'consent_scopes', 'other', t('На що', 'For what')),
        choice('decision', 'consent_decisions', 'other', t('Рішення', 'Decision')),
        date('date', 'other', t('Дата', 'Date')),
        choice('method', 'consent_methods', 'other', t('Спосіб', 'How given')),
        text('witness', 'identifying', t('Свідок усної згоди', 'Witness to verbal consent')),
      ],
      t(
        'Кожна згода — окремо, з датою й способом. Відмова теж записується.',
        'Each consent separately, with its date and how it was given. A refusal is recorded too.',
      ),
    ),
    multi('conditions', 'consent_conditions', 'other', t('Умови згоди', 'Conditions of consent')),
    text(
      'conditions_note',
      'other',
      t('Умови словами особи', 'Conditions in the person’s words'),
      t(
        'Наприклад, «не раніше, ніж повернеться брат».',
        'For example, “not before my brother is back”.',
      ),
    ),
    yesno('minor', 'other', t('Особі менше 18 років', 'The person is under 18')),
    choice(
      'guardian_decision',
      'consent_decisions',
      'other',
      t('Згода батьків або опікуна', 'Consent of a parent or guardian'),
      t(
        'Для неповнолітніх потрібна і згода дорослого, і власна згода дитини.',
        'For a minor, both an adult’s consent and the child’s own agreement are needed.',
      ),
    ),
    text('guardian', 'identifying', t('Батько, мати чи опікун', 'Parent or guardian')),
    yesno('child_agrees', 'other', t('Дитина погоджується сама', 'The child agrees')),
    group(
      'withdrawals',
      'other',
      t('Відкликання згоди', 'Withdrawals of consent'),
      t('Відкликання', 'Withdrawal'),
      [
        choice('scope', 'consent_scopes', 'other', t('Що відкликано', 'What was withdrawn')),
        date('date', 'other', t('Коли', 'When')),
        yesno('recipients_told', 'other', t('Отримувачам повідомлено', 'Recipients told')),
        text('note', 'other', t('Примітка', 'Note')),
      ],
    ),
    yesno(
      'wants_outcomes',
      'other',
      t('Хоче знати, що відбувається зі свідченням', 'Wants to hear about outcomes'),
    ),
    choice(
      'outcomes_channel',
      'contact_channels',
      'other',
      t('Як повідомляти', 'How to tell them'),
    ),
    text(
      'outcomes_note',
      'other',
      t('Що саме й коли повідомляти', 'What to tell them and when'),
      t(
        'Наприклад, лише про суд чи не телефонувати ввечері.',
        'For example, only about a trial, or no calls in the evening.',
      ),
    ),
    group(
      'referrals',
      'medical',
      t('Направлення', 'Referrals made'),
      t('Направлення', 'Referral'),
      [
        choice('kind', 'referral_kinds', 'medical', t('Вид допомоги', 'Kind of help')),
        text('to_whom', 'other', t('До кого', 'To whom')),
        date('date', 'other', t('Коли', 'When')),
        yesno('accepted', 'other', t('Особа погодилася', 'The person accepted')),
      ],
    ),
  ],
};
