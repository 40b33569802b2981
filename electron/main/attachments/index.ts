export { AttachmentStore, DEFAULT_MAX_ATTACHMENT_BYTES } from './attachment-store';
export type { AttachmentStoreDeps, AttachmentSummary, ExportOptions } from './attachment-store';
export {
  assertStorableFileName,
  MAX_ORIGINAL_NAME_BYTES,
  MAX_SAFE_NAME_BYTES,
  safeFileName,
} from './file-names';
export {
  BLOB_MAGIC,
  BLOB_VERSION,
  blobFileName,
  CIPHER_CHUNK_BYTES,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
} from './blob-format';
export { LEFTOVER_MIN_AGE_MS } from './leftovers';
export { BLOB_READ_CHUNKS } from './blob-reader';
