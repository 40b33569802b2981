export { CustodyLog } from './custody-log';
export type { CustodyDeps } from './custody-log';
export { CUSTODY_ACTIONS } from './types';
export type { CustodyAction, CustodyDetails, CustodyRecorder, CustodySubject } from './types';
export { CUSTODY_FORMAT_VERSION, GENESIS_HASH, sha256Hex, signedBytes, toJsonLine } from './entry';
export type { CustodyEntry, UnsignedEntry } from './entry';
export { verifyEntries } from './verify';
export type { CustodyFailure, CustodyReport } from './verify';
