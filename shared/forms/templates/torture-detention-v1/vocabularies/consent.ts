/**
 * Vocabularies of section B: consent scopes (one term for every code of CONSENT_SCOPES, which
 * main enforces), decisions, methods, conditions, risks explained and referrals.
 */
import type { ConsentScope } from '../../../consent';
import type { Vocabulary } from '../../../template';
import { t, term, vocabulary } from '../build';

/** Written as a full record so the compiler names a scope that has no label. */
const SCOPE_LABELS: Record<ConsentScope, readonly [uk: string, en: string]> = {
  interview: ['участь в інтерв’ю', 'taking part in the interview'],
  store_identifying: [
    'зберігання даних, за якими можна впізнати особу',
    'storing data that can identify the person',
  ],
  audio: ['аудіозапис', 'audio recording'],
  video: ['відеозапис', 'video recording'],
  photographs: ['фотографування травм і шрамів', 'photographs of injuries and scars'],
  share_national_prosecutor: [
    'передання органам прокуратури України',
    'sharing with Ukrainian prosecutors',
  ],
  share_icc_otp: [
    'передання Офісу Прокурора Міжнародного кримінального суду',
    'sharing with the ICC Office of the Prosecutor',
  ],
  share_special_tribunal: [
    'передання спеціальному міжнародному трибуналу',
    'sharing with a special international tribunal',
  ],
  share_un_inquiry: [
    'передання слідчим органам ООН (наприклад, Незалежній міжнародній комісії з розслідування щодо України)',
    'sharing with UN inquiry bodies (e.g. the Independent International Commission of Inquiry on Ukraine)',
  ],
  share_foreign_prosecutor: [
    'передання прокурорам інших держав (універсальна юрисдикція)',
    'sharing with prosecutors of other countries (universal jurisdiction)',
  ],
  share_ngo: ['передання іншим громадським організаціям', 'sharing with other NGOs'],
  pattern_analysis: [
    'використання в знеособленому аналізі закономірностей',
    'use in de-identified pattern analysis',
  ],
  recontact: ['повторний зв’язок з особою', 'being contacted again'],
  public_use: ['публічне використання (звіти, медіа)', 'public use (reports, media)'],
  sexual_violence_questions: [
    'запитання про сексуальне насильство',
    'questions about sexual violence',
  ],
};

export const CONSENT_VOCABULARIES: readonly Vocabulary[] = [
  vocabulary(
    'consent_scopes',
    t('На що надано згоду', 'Consent scope'),
    Object.entries(SCOPE_LABELS).map(([code, [uk, en]]) => term(code, uk, en)),
  ),
  vocabulary('consent_decisions', t('Рішення щодо згоди', 'Consent decision'), [
    term('granted', 'згоду надано', 'consent given'),
    term('refused', 'у згоді відмовлено', 'consent refused'),
  ]),
  vocabulary('consent_methods', t('Спосіб надання згоди', 'How consent was given'), [
    term('written', 'письмово', 'in writing'),
    term('verbal_recorded', 'усно, із записом', 'verbally, recorded'),
    term('verbal_witnessed', 'усно, у присутності свідка', 'verbally, with a witness'),
  ]),
  vocabulary('consent_conditions', t('Умови згоди', 'Conditions of consent'), [
    term('anonymity', 'не називати особу ні за яких умов', 'never to be named'),
    term('pseudonym', 'використовувати лише псевдонім', 'to be referred to by a pseudonym only'),
    term(
      'not_while_relative_held',
      'не передавати, доки родич перебуває в неволі',
      'not to be shared while a relative is held',
    ),
    term('no_face', 'не показувати обличчя', 'face never to be shown'),
    term('voice_altered', 'змінювати голос у записах', 'voice to be altered in recordings'),
    term('ask_before_sharing', 'питати перед кожним переданням', 'to be asked before each sharing'),
    term('other', 'інша умова', 'another condition'),
  ]),
  vocabulary('risks_explained', t('Пояснені ризики', 'Risks explained'), [
    term(
      'relatives_detained',
      'для рідних, які досі в неволі',
      'to relatives who are still detained',
    ),
    term(
      'relatives_occupied',
      'для рідних на окупованій території',
      'to relatives in occupied territory',
    ),
    term(
      'own_safety',
      'для власної безпеки, зокрема під час поїздок',
      'to the person’s own safety, including when travelling',
    ),
    term('distress', 'важкі спогади й переживання', 'distress from recalling events'),
    term(
      'identification',
      'що особу можуть упізнати з оприлюдненого',
      'being recognised from anything made public',
    ),
    term('court', 'можливий виклик до суду як свідка', 'being asked to testify in court'),
    term('data', 'витік даних або вилучення пристроїв', 'data leaks or seizure of devices'),
  ]),
  vocabulary('referral_kinds', t('Види направлень', 'Kinds of referral'), [
    term('medical', 'медична допомога', 'medical care'),
    term('psychosocial', 'психологічна або психосоціальна підтримка', 'psychosocial support'),
    term('legal', 'правова допомога', 'legal aid'),
    term('search_for_relatives', 'пошук рідних', 'search for relatives'),
    term('social', 'соціальна допомога, житло, виплати', 'social support, housing, payments'),
    term('other', 'інше', 'other'),
  ]),
  vocabulary('contact_channels', t('Спосіб зв’язку', 'Means of contact'), [
    term('phone', 'телефоном', 'by phone'),
    term('messenger', 'через месенджер', 'by messenger'),
    term('email', 'електронною поштою', 'by email'),
    term('in_person', 'особисто', 'in person'),
    term('via_organisation', 'через іншу організацію', 'through another organisation'),
    term('via_lawyer', 'через адвоката', 'through a lawyer'),
  ]),
];
