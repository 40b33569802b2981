/**
 * Vocabularies of sections K (trials), L (release), M (after-effects), N (evidence) and
 * O (assessment), including the provisional legal tags.
 */
import type { Vocabulary } from '../../../template';
import { t, term, vocabulary } from '../build';

export const LEGAL_VOCABULARIES: readonly Vocabulary[] = [
  vocabulary('charge_kinds', t('Обвинувачення', 'Charges'), [
    term(
      'terrorism',
      '«тероризм», участь у «терористичній організації»',
      '“terrorism”, membership of a “terrorist organisation”',
    ),
    term('mercenarism', '«найманство»', '“mercenarism”'),
    term(
      'violence_civilians',
      '«жорстоке поводження з цивільними»',
      '“cruel treatment of civilians”',
    ),
    term('murder', '«вбивство»', '“murder”'),
    term('espionage', '«шпигунство» чи «державна зрада»', '“espionage” or “treason”'),
    term('sabotage', '«диверсія»', '“sabotage”'),
    term('extremism', '«екстремізм»', '“extremism”'),
    term('other', 'інше', 'other'),
  ]),
  vocabulary('court_kinds', t('Суди', 'Courts'), [
    term('russian_court', 'суд РФ', 'Russian court'),
    term('russian_military_court', 'військовий суд РФ', 'Russian military court'),
    term('occupation_court', '«суд» «ДНР» чи «ЛНР»', '“court” of the “DPR” or “LPR”'),
    term('other', 'інший', 'other'),
  ]),
  vocabulary(
    'legal_counsel',
    t('Захисник', 'Legal counsel'),
    [
      term('not_permitted', 'захисника не допустили', 'no counsel permitted', '010000000000'),
      term('not_requested', 'захисника не просили', 'no counsel requested', '020000000000'),
      term(
        'state_appointed',
        'захисник за призначенням',
        'counsel appointed by the state',
        '510000000000',
      ),
      term(
        'ngo_provided',
        'захисник від правозахисної організації',
        'counsel provided by an NGO',
        '520000000000',
      ),
      term(
        'chosen',
        'захисник, якого обрала особа чи родина',
        'counsel chosen by the person or family',
        '530000000000',
      ),
      term(
        'could_defend',
        'захисник у суді міг захищати',
        'counsel at trial allowed to defend',
        '080000000000',
      ),
      term(
        'could_not_defend',
        'захисник у суді не міг захищати',
        'counsel at trial not allowed to defend',
        '090000000000',
      ),
      term(
        'private_consultation',
        'могли радитися наодинці',
        'private consultation allowed',
        '100000000000',
      ),
      term('no_consultation', 'радитися не дозволяли', 'no consultation allowed', '120000000000'),
    ],
    'HURIDOCS micro-thesaurus 31 (legal counsel)',
  ),
  vocabulary('release_modes', t('Як звільнено', 'Modes of release'), [
    term('exchange', 'обмін полоненими', 'prisoner exchange'),
    term(
      'repatriation_medical',
      'репатріація важкопоранених чи хворих',
      'repatriation of the seriously wounded or sick',
    ),
    term('third_state', 'передання до третьої держави', 'transfer to a third state'),
    term('released_no_exchange', 'звільнення без обміну', 'release without an exchange'),
    term('sentence_served', 'після відбуття «покарання»', 'after serving a “sentence”'),
    term(
      'released_in_occupation',
      'звільнення на окупованій території',
      'release in occupied territory',
    ),
    term('deported', 'видворення через кордон', 'expelled across a border'),
    term('escape', 'втеча', 'escape'),
    term('other', 'інше', 'other'),
  ]),
  vocabulary('evaluation_referral', t('Медична оцінка', 'Medical evaluation'), [
    term('offered_accepted', 'запропоновано, особа погодилася', 'offered and accepted'),
    term('offered_declined', 'запропоновано, особа відмовилася', 'offered and declined'),
    term('later', 'особа хоче вирішити пізніше', 'the person wants to decide later'),
    term('already_done', 'оцінку вже проведено', 'already evaluated'),
  ]),
  vocabulary('evidence_item_kinds', t('Види матеріалів', 'Kinds of item'), [
    term('photograph', 'фотографія', 'photograph'),
    term('audio', 'аудіозапис', 'audio recording'),
    term('video', 'відеозапис', 'video recording'),
    term('document', 'документ', 'document'),
    term('medical_record', 'медичний документ', 'medical record'),
    term('drawing', 'малюнок чи схема особи', 'drawing or sketch by the person'),
    term('object', 'річ', 'physical object'),
    term('other', 'інше', 'other'),
  ]),
  vocabulary('copy_kinds', t('Оригінал чи копія', 'Original or copy'), [
    term('original', 'оригінал', 'original'),
    term('working_copy', 'робоча копія', 'working copy'),
  ]),
  vocabulary(
    'how_known',
    t('Звідки особа знає', 'How the person knows'),
    [
      term('direct', 'пережила сама', 'experienced it directly', '010100000000'),
      term('witnessed', 'бачила чи чула сама', 'saw or heard it', '010200000000'),
      term('heard_from_others', 'чула від інших', 'heard it from others', '030000000000'),
    ],
    'HURIDOCS micro-thesaurus 19 (source connection to information)',
  ),
  vocabulary('follow_up_priorities', t('Терміновість', 'Priority'), [
    term('urgent', 'терміново (безпека, здоров’я)', 'urgent (safety, health)'),
    term('normal', 'звичайно', 'normal'),
    term('low', 'не терміново', 'not urgent'),
  ]),
  vocabulary('legal_tags', t('Попередня правова кваліфікація', 'Provisional legal tags'), [
    term('gc3_art13', 'ЖК III, ст. 13 — гуманне поводження', 'GC III art. 13 — humane treatment'),
    term(
      'gc3_art17',
      'ЖК III, ст. 17 — допит без примусу',
      'GC III art. 17 — questioning without coercion',
    ),
    term(
      'gc3_art25_26',
      'ЖК III, ст. 25–26 — приміщення, харчування',
      'GC III arts 25–26 — quarters, food',
    ),
    term(
      'gc3_art70_71',
      'ЖК III, ст. 70–71 — картка про взяття в полон, листування',
      'GC III arts 70–71 — capture card, correspondence',
    ),
    term('gc3_art126', 'ЖК III, ст. 126 — візити МКЧХ', 'GC III art. 126 — ICRC visits'),
    term('gc3_art130', 'ЖК III, ст. 130 — серйозні порушення', 'GC III art. 130 — grave breaches'),
    term(
      'rs_8_2_a_i',
      'Римський статут, ст. 8(2)(a)(i) — умисне вбивство',
      'Rome Statute art. 8(2)(a)(i) — wilful killing',
    ),
    term(
      'rs_8_2_a_ii',
      'Римський статут, ст. 8(2)(a)(ii) — катування або нелюдське поводження',
      'Rome Statute art. 8(2)(a)(ii) — torture or inhuman treatment',
    ),
    term(
      'rs_8_2_a_iii',
      'Римський статут, ст. 8(2)(a)(iii) — умисне заподіяння сильних страждань',
      'Rome Statute art. 8(2)(a)(iii) — wilfully causing great suffering',
    ),
    term(
      'rs_8_2_a_vi',
      'Римський статут, ст. 8(2)(a)(vi) — позбавлення права на справедливий суд',
      'Rome Statute art. 8(2)(a)(vi) — denial of a fair trial',
    ),
    term(
      'rs_8_2_b_xxi',
      'Римський статут, ст. 8(2)(b)(xxi) — посягання на людську гідність',
      'Rome Statute art. 8(2)(b)(xxi) — outrages upon personal dignity',
    ),
    term(
      'rs_7_1_e',
      'Римський статут, ст. 7(1)(e) — ув’язнення чи інше жорстоке позбавлення свободи',
      'Rome Statute art. 7(1)(e) — imprisonment or other severe deprivation of liberty',
    ),
    term(
      'rs_7_1_f',
      'Римський статут, ст. 7(1)(f) — катування',
      'Rome Statute art. 7(1)(f) — torture',
    ),
    term(
      'rs_7_1_i',
      'Римський статут, ст. 7(1)(i) — насильницьке зникнення',
      'Rome Statute art. 7(1)(i) — enforced disappearance',
    ),
  ]),
];
