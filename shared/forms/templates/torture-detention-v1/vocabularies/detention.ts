/** Vocabularies of sections F (places of detention), G (outside contact) and H (interrogations). */
import type { Vocabulary } from '../../../template';
import { t, term, vocabulary } from '../build';

export const DETENTION_VOCABULARIES: readonly Vocabulary[] = [
  // Exactly the kinds of the vault's facility register (registers.ts FACILITY_KINDS).
  vocabulary(
    'facility_kinds',
    t('Типи місць утримання', 'Kinds of place of detention'),
    [
      term(
        'pre_trial_detention',
        'слідчий ізолятор (СІЗО)',
        'pre-trial detention centre (SIZO)',
        '020100000000',
      ),
      term('penal_colony', 'виправна колонія', 'penal colony', '020200000000'),
      term('basement', 'підвал', 'basement', '020600000000'),
      term('police_station', 'відділок поліції', 'police station', '020100000000'),
      term('military_base', 'військова база чи частина', 'military base', '020300000000'),
      term('filtration_point', 'фільтраційний пункт', 'filtration point', '020600000000'),
      term('other', 'інше місце', 'another place', '029000000000'),
    ],
    'HURIDOCS micro-thesaurus 5 (methods of imprisonment), adapted',
  ),
  vocabulary(
    'medical_attention',
    t('Медична допомога', 'Medical attention'),
    [
      term(
        'not_needed',
        'не була потрібна (зі слів особи)',
        'not needed, as the person says',
        '020100000000',
      ),
      term('requested', 'особа просила про допомогу', 'requested by the person', '020200000000'),
      term('not_provided', 'не надавали', 'not provided', '020300000000'),
      term('limited', 'надавали обмежено', 'limited', '020400000000'),
      term('adequate', 'надавали належно', 'adequate', '020500000000'),
    ],
    'HURIDOCS micro-thesaurus 37 (medical attention)',
  ),
  vocabulary(
    'outside_contact',
    t('Зв’язок із зовнішнім світом', 'Outside contact'),
    [
      term('capture_acknowledged', 'затримання визнали', 'capture acknowledged', '010000000000'),
      term(
        'location_disclosed',
        'місце утримання повідомили',
        'location disclosed',
        '010100000000',
      ),
      term(
        'family_contact',
        'дозволяли зв’язок з родиною',
        'contact with family allowed',
        '010101010000',
      ),
      term(
        'lawyer_contact',
        'дозволяли зв’язок з адвокатом',
        'contact with a lawyer allowed',
        '010101020000',
      ),
      term(
        'humanitarian_contact',
        'дозволяли зв’язок з гуманітарними організаціями',
        'contact with humanitarian organisations allowed',
        '010101030000',
      ),
      term(
        'no_contact',
        'жодного зв’язку не дозволяли',
        'no outside contact allowed',
        '010102000000',
      ),
      term(
        'location_hidden',
        'місце утримання приховували',
        'location not disclosed',
        '010200000000',
      ),
      term('capture_denied', 'затримання заперечували', 'capture denied', '020000000000'),
      term('other', 'інше', 'other', '900000000000'),
    ],
    'HURIDOCS micro-thesaurus 30 (whereabouts and outside contact)',
  ),
  vocabulary('icrc_visits', t('Візити МКЧХ', 'ICRC visits'), [
    term('never_offered', 'візит не пропонували й не згадували', 'never offered or mentioned'),
    term('requested', 'особа просила про візит', 'requested by the person'),
    term('denied', 'у візиті відмовили', 'visit denied'),
    term(
      'took_place_private',
      'візит був, без охорони поруч',
      'took place, without guards present',
    ),
    term(
      'took_place_guarded',
      'візит був, у присутності охорони',
      'took place, with guards present',
    ),
    term('hidden_from_visit', 'особу ховали від візиту', 'the person was hidden from the visit'),
  ]),
  vocabulary('missing_listings', t('Де особа значилася зниклою', 'Where listed as missing'), [
    term('police', 'Національна поліція', 'National Police'),
    term(
      'commissioner_missing',
      'Уповноважений з питань осіб, зниклих безвісти за особливих обставин',
      'Commissioner for Persons Missing under Special Circumstances',
    ),
    term('coordination_hq', 'Координаційний штаб', 'Coordination Headquarters'),
    term('icrc', 'Центральне агентство з розшуку МКЧХ', 'ICRC Central Tracing Agency'),
    term('military_unit', 'військова частина', 'military unit'),
    term(
      'family_search',
      'родина, волонтерські пошукові групи',
      'family or volunteer search groups',
    ),
    term('other', 'інші', 'other'),
  ]),
  vocabulary('death_or_disappearance', t('Смерть чи зникнення', 'Death or disappearance'), [
    term('death', 'смерть', 'death'),
    term('disappearance', 'зникнення', 'disappearance'),
  ]),
  vocabulary('filming_kinds', t('Зйомка', 'Filming'), [
    term('confession', '«зізнання»', '“confession”'),
    term('interview', 'інтерв’ю для медіа', 'interview for media'),
    term('appeal', 'звернення чи «вибачення»', 'appeal or “apology”'),
    term('other', 'інше', 'other'),
    term('none', 'не знімали', 'not filmed'),
  ]),
  vocabulary('pressure_kinds', t('Тиск', 'Pressure'), [
    term('cooperate', 'співпрацювати чи доносити', 'to cooperate or inform'),
    term('join_forces', 'вступити до збройних формувань РФ', 'to join Russian forces'),
    term(
      'citizenship',
      'взяти громадянство чи паспорт РФ',
      'to take Russian citizenship or passport',
    ),
    term('testify', 'свідчити проти інших', 'to testify against others'),
    term('renounce', 'відректися від України чи підрозділу', 'to renounce Ukraine or their unit'),
    term('other', 'інше', 'other'),
  ]),
];
