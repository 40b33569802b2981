/** Vocabularies of section E (capture), with HURIDOCS 36 (statements signed) used in E and H. */
import type { Vocabulary } from '../../../template';
import { t, term, vocabulary } from '../build';

export const CAPTURE_VOCABULARIES: readonly Vocabulary[] = [
  vocabulary('capture_place_kinds', t('Де і як захопили', 'Kind of place of capture'), [
    term(
      'ordered_surrender',
      'вихід за наказом або евакуація (як з «Азовсталі»)',
      'surrender or evacuation on orders (as from Azovstal)',
    ),
    term('battlefield', 'під час бою', 'during fighting'),
    term('checkpoint', 'блокпост', 'checkpoint'),
    term('filtration_point', 'фільтраційний пункт', 'filtration point'),
    term('home_raid', 'вдома, під час обшуку чи рейду', 'at home, in a search or raid'),
    term('street', 'на вулиці чи в іншому громадському місці', 'in the street or a public place'),
    term('workplace', 'на роботі', 'at work'),
    term(
      'evacuation_route',
      'під час виїзду чи евакуації цивільних',
      'while leaving or during a civilian evacuation',
    ),
    term('medical_facility', 'у лікарні чи іншому медичному закладі', 'in a hospital or clinic'),
    term(
      'summoned',
      'після виклику до окупаційної адміністрації',
      'after being summoned by the occupation authorities',
    ),
    term('other', 'інше', 'other'),
  ]),
  vocabulary('place_precision', t('Точність місця', 'Precision of the place'), [
    term('exact', 'точне місце (адреса, координати)', 'exact spot (address or coordinates)'),
    term('street', 'вулиця або частина населеного пункту', 'street or part of a town'),
    term('settlement', 'населений пункт', 'town or village'),
    term('district', 'район або громада', 'district or municipality'),
    term('region', 'лише область', 'region only'),
  ]),
  vocabulary('force_kinds', t('Сили та відомства', 'Forces and agencies'), [
    term('russian_armed_forces', 'Збройні сили РФ', 'Russian Armed Forces'),
    term('rosgvardia', 'Росгвардія', 'Rosgvardia (National Guard of Russia)'),
    term('fsb', 'ФСБ РФ', 'FSB (Federal Security Service of Russia)'),
    term('russian_police', 'поліція РФ', 'Russian police'),
    term(
      'penitentiary',
      'ФСВП РФ (служба виконання покарань)',
      'FSIN (Russian Federal Penitentiary Service)',
    ),
    term('wagner', 'ПВК «Вагнер»', 'Wagner private military company'),
    term('kadyrov_units', 'підрозділи Кадирова («кадирівці»)', 'Kadyrov’s units (“Kadyrovites”)'),
    term(
      'dpr_lpr',
      'формування та «поліція» «ДНР» чи «ЛНР»',
      'forces or “police” of the “DPR” or “LPR”',
    ),
    term('occupation_administration', 'окупаційна адміністрація', 'occupation administration'),
    term('other', 'інші', 'other'),
  ]),
  vocabulary('restraint_kinds', t('Засоби обмеження рухів', 'Restraints'), [
    term('handcuffs', 'кайданки', 'handcuffs'),
    term('cable_ties', 'пластикові стяжки', 'cable ties'),
    term('tape', 'скотч', 'adhesive tape'),
    term('rope', 'мотузка або дріт', 'rope or wire'),
    term('other', 'інше', 'other'),
    term('none', 'не застосовували', 'none used'),
  ]),
  vocabulary('eye_coverings', t('Чим закривали очі чи голову', 'Eyes or head covered'), [
    term('blindfold', 'пов’язка на очах', 'blindfold'),
    term('hood', 'мішок на голові', 'hood or bag over the head'),
    term('tape', 'скотч на очах', 'tape over the eyes'),
    term('hat', 'шапка, натягнута на очі', 'hat pulled over the eyes'),
    term('other', 'інше', 'other'),
    term('none', 'не закривали', 'not covered'),
  ]),
  vocabulary(
    'filtration_procedures',
    t('Що робили під час «фільтрації»', 'Filtration procedures'),
    [
      term('questioning', 'допит', 'questioning'),
      term('fingerprints', 'відбитки пальців', 'fingerprints taken'),
      term('photographs', 'фотографування', 'photographs taken'),
      term(
        'strip_search',
        'огляд тіла (татуювання, сліди від зброї)',
        'body search (tattoos, marks from weapons)',
      ),
      term('phone_search', 'перевірка телефону', 'phone searched'),
      term('documents_copied', 'копіювання документів', 'documents copied'),
      term(
        'biological_sample',
        'зразки ДНК чи інші біологічні зразки',
        'DNA or other biological samples',
      ),
      term('other', 'інше', 'other'),
    ],
  ),
  vocabulary(
    'statements_signed',
    t('Підписані документи', 'Statements signed'),
    [
      term('forced', 'змусили підписати', 'forced to sign', '010000000000'),
      term(
        'not_asked',
        'нічого не просили й не змушували підписати',
        'not asked or forced to sign anything',
        '020000000000',
      ),
      term(
        'refused',
        'просили підписати, особа відмовилася',
        'asked to sign, refused',
        '030000000000',
      ),
      term(
        'voluntary_understood',
        'підписано добровільно, з розумінням змісту',
        'signed voluntarily, understanding it',
        '040000000000',
      ),
      term(
        'voluntary_not_understood',
        'підписано добровільно, без розуміння змісту',
        'signed voluntarily without understanding it',
        '050000000000',
      ),
      term(
        'not_allowed_to_read',
        'не дали прочитати підписане',
        'not allowed to read what was signed',
      ),
    ],
    'HURIDOCS micro-thesaurus 36 (statements signed), extended',
  ),
];
