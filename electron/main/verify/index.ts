/** The recipient's side of a sealed bundle: decrypt, extract safely, check everything, report. */
export { BUNDLE_ID, verifyBundle } from './verify-bundle';
export type { VerifyOptions } from './verify-bundle';
export type { Check, CheckName, Report, Verdict } from './report';
export { parseDeviceKey } from './device-key';
export type { DeviceKey } from './device-key';
export { CUSTODY_FILE, MAX_CUSTODY_LINE_BYTES } from './custody-check';
