export {
  MAX_SIGNATURE_FILE_BYTES,
  MAX_TRUSTED_COMMENT_BYTES,
  minisignKeyNum,
  minisignPublicKey,
  signPrehashed,
  verifyPrehashed,
} from './minisign';
export type { ByteSource, MinisignFailure, MinisignPublicKey, MinisignVerdict } from './minisign';
export { safeEntryName, TarWriter, writableSink } from './tar-write';
export type { ChunkSink, EntrySource, TarWriterOptions } from './tar-write';
export { DEFAULT_TAR_LIMITS, extractTar, listTar, scanTar } from './tar-read';
export { isProblem, readBagText } from './bag-view';
export type { BagListing, BagProblem, BagView } from './bag-view';
export { BagViewError } from './bag-view';
export { folderBagView } from './bag-view-folder';
export { memoryBagView } from './bag-view-memory';
export type { MemoryEntry } from './bag-view-memory';
export type { TarEntryInfo, TarLimits, TarSource } from './tar-read';
export {
  BAGIT_TXT,
  BagWriter,
  bagPayloadPath,
  decodeManifestPath,
  encodeManifestPath,
  readBag,
} from './bagit';
export type {
  BagCheck,
  BagFinishOptions,
  BagInfo,
  BagReport,
  BagSummary,
  BagTagFile,
  PayloadRecord,
} from './bagit';
export {
  decryptAge,
  DEFAULT_SCRYPT_LOG_N,
  encryptAge,
  identityLines,
  MAX_AGE_HEADER_BYTES,
  MAX_SCRYPT_LOG_N,
} from './age-stream';
export type { OpenWith, SealTo } from './age-stream';
