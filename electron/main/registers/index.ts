export { RegisterStore } from './register-store';
export type {
  FacilityInput,
  Mention,
  PerpetratorInput,
  RegisterEntry,
  RegisterStoreDeps,
} from './register-store';
