/**
 * The recipient's side of a sealed bundle: decrypt, read safely, check everything, report.
 * `verifyBundle` (the CLI) extracts into a private temp folder; `openBundle` (the app) writes
 * nothing and holds only small files in memory. Both run the same checks over a BagView.
 */
export { verifyBundle } from './verify-bundle';
export type { VerifyOptions } from './verify-bundle';
export { BUNDLE_ID } from './check-bag';
export { DEFAULT_OPEN_LIMITS, openBundle } from './open-bundle';
export type { OpenedBundle, OpenLimits, OpenOptions } from './open-bundle';
export type { BundleContents, OpenedAttachment, OpenedTestimony } from './bundle-contents';
export type { AnswerRow, AnswerSection } from './answer-rows';
export type { Check, CheckName, Report, Verdict } from './report';
export { parseDeviceKey } from './device-key';
export type { DeviceKey } from './device-key';
export { CUSTODY_FILE, MAX_CUSTODY_LINE_BYTES } from './custody-check';
export { openBundleForView } from './open-for-view';
export { requireDeviceKey } from './device-key';
