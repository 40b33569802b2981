export { RecipientStore } from './recipient-store';
export type { Recipient, RecipientInput, RecipientStoreDeps } from './recipient-store';
export {
  ageKeyProblem,
  decodeBech32,
  parseAgeRecipient,
  recipientFingerprint,
  wordsToBytes,
} from './age-key';
