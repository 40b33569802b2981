/**
 * The built-in torture and detention template, version 1: sections A–O of FORMS.md and the gated
 * sexual-violence section, with their vocabularies in Ukrainian and English. Shipped versions are
 * never edited (templates/index.ts): a change is the next version.
 */
import type { Template } from '../../template';
import { t } from './build';
import { SECTION_A, SECTION_B } from './sections-a-b';
import { SECTION_C, SECTION_D } from './sections-c-d';
import { SECTION_E } from './section-e';
import { SECTION_F } from './section-f';
import { SECTION_G, SECTION_H } from './sections-g-h';
import { SECTION_I, SECTION_SV } from './sections-i-sv';
import { SECTION_J, SECTION_K, SECTION_L } from './sections-j-l';
import { SECTION_M, SECTION_N, SECTION_O } from './sections-m-o';
import { VOCABULARIES } from './vocabularies';

const CONSENT_EXPLANATION = t(
  [
    'Ми документуємо катування та незаконне позбавлення волі, щоб винні постали перед судом.',
    'Якщо ви погодитеся, ми запишемо вашу розповідь у нотатках, а на аудіо чи відео — лише з вашого дозволу.',
    'Ваше ім’я та інші дані, за якими вас можна впізнати, зберігаються зашифрованими й нікому не передаються без вашої згоди.',
    'Ви окремо вирішуєте, кому можна передати свідчення: прокуратурі України, Міжнародному кримінальному суду, спеціальному трибуналу, органам ООН, прокурорам інших держав, іншим організаціям.',
    'Передане свідчення можуть використати в розслідуванні чи в суді, і вас можуть попросити дати показання.',
    'Згадувати пережите буває важко. Якщо про свідчення дізнаються сторонні, це може бути небезпечно для вас або ваших рідних, особливо тих, хто досі в неволі чи живе в окупації. Ми обговоримо це разом.',
    'Ви не зобов’язані відповідати на жодне запитання. Ви можете будь-коли зробити перерву, пропустити запитання чи зупинитися, не пояснюючи причин, — це не вплине на допомогу, яку ви отримуєте.',
    'Ви можете пізніше відкликати згоду. Тоді ми припинимо передавати свідчення й повідомимо тих, хто вже його отримав, але повернути вже передане ми не можемо.',
  ].join(' '),
  [
    'We document torture and unlawful detention so that those responsible can be brought to justice.',
    'If you agree, we will write down what you tell us, and record it on audio or video only if you allow it.',
    'Your name and other details that could identify you are kept encrypted and are not passed to anyone without your consent.',
    'You decide, one by one, who may receive your testimony: Ukrainian prosecutors, the International Criminal Court, a special tribunal, UN bodies, prosecutors in other countries, other organisations.',
    'A testimony passed on may be used in an investigation or at a trial, and you may be asked to give evidence.',
    'Recalling what happened can be hard. If others learnt of your testimony, it could put you or your relatives in danger, especially anyone still detained or living under occupation. We will talk about this together.',
    'You do not have to answer any question. You can take a break, skip a question or stop at any time without giving a reason, and this will not affect any help you receive.',
    'You can withdraw your consent later. We will then stop passing on your testimony and tell those who already received it, but we cannot take back what they already have.',
  ].join(' '),
);

export const TORTURE_DETENTION_V1: Template = {
  id: 'torture-detention',
  version: 1,
  title: t('Катування та незаконне утримання', 'Torture and detention'),
  sources: [
    'Istanbul Protocol: Manual on the Effective Investigation and Documentation of Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment (OHCHR, 2022 revision)',
    'Global Code of Conduct for Gathering and Using Information about Systematic and Conflict-Related Sexual Violence (Murad Code, 2022)',
    'Berkeley Protocol on Digital Open Source Investigations (OHCHR and Human Rights Center, UC Berkeley School of Law, HR/PUB/20/2)',
    'Documenting international crimes and human rights violations for accountability purposes: Guidelines for civil society organisations (Eurojust and ICC, 2022)',
    'Geneva Convention (III) relative to the Treatment of Prisoners of War (1949): arts 4, 13, 17, 25–26, 70–71, 126, 130',
    'Rome Statute of the International Criminal Court: arts 7(1)(e), (f), (i); 8(2)(a)(i)–(iii), (vi); 8(2)(b)(xxi)',
    'HURIDOCS Events Standard Formats, micro-thesauri 5, 19, 30, 31, 36, 37, 38 (as shipped in OpenEvSys), extended with Ukraine-specific terms',
    'ISO 8601-2:2019 (Extended Date/Time Format, EDTF) for approximate and uncertain dates',
  ],
  consentExplanation: CONSENT_EXPLANATION,
  sections: [
    SECTION_A,
    SECTION_B,
    SECTION_C,
    SECTION_D,
    SECTION_E,
    SECTION_F,
    SECTION_G,
    SECTION_H,
    SECTION_I,
    SECTION_SV,
    SECTION_J,
    SECTION_K,
    SECTION_L,
    SECTION_M,
    SECTION_N,
    SECTION_O,
  ],
  vocabularies: VOCABULARIES,
};
