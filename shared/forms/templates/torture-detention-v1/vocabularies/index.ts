/** Every vocabulary of the template, in the order the sections first use them. */
import type { Vocabulary } from '../../../template';
import { CAPTURE_VOCABULARIES } from './capture';
import { CONSENT_VOCABULARIES } from './consent';
import { DETENTION_VOCABULARIES } from './detention';
import { LEGAL_VOCABULARIES } from './legal';
import { METHOD_VOCABULARIES } from './methods';
import { RECORD_VOCABULARIES } from './record';

export const VOCABULARIES: readonly Vocabulary[] = [
  ...RECORD_VOCABULARIES,
  ...CONSENT_VOCABULARIES,
  ...CAPTURE_VOCABULARIES,
  ...DETENTION_VOCABULARIES,
  ...METHOD_VOCABULARIES,
  ...LEGAL_VOCABULARIES,
];
