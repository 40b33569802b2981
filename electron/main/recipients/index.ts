export { RecipientStore } from './recipient-store';
export type { Recipient, RecipientInput, RecipientStoreDeps } from './recipient-store';
export { ageKeyProblem, parseAgeRecipient, recipientFingerprint } from './age-key';
