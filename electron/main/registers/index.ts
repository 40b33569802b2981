export { entryExists, RegisterStore } from './register-store';
export type {
  FacilityInput,
  Mention,
  MentionConsent,
  PerpetratorInput,
  RegisterEntry,
  RegisterStoreDeps,
} from './register-store';
export type { PersonInput } from './people';
