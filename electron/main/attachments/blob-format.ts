/**
 * The layout of `blobs/<id>.blob`, version 1:
 *
 *   8 bytes   magic "SVDKBLOB"
 *   1 byte    format version (1)
 *   24 bytes  libsodium secretstream (XChaCha20-Poly1305) header
 *   chunks    each 64 KiB of plaintext + 17 bytes (tag and MAC); the last one is shorter or equal,
 *             and is the only one tagged FINAL (a 0-byte file is one empty FINAL chunk)
 *
 * Every chunk carries the attachment id, format and version as associated data, so a blob moved
 * under another attachment's name does not open. The per-blob key is random and stored, sealed
 * with the vault's 'blobs' sub-key, in the attachment's database row (see blob-key.ts).
 */
export const BLOB_MAGIC = Buffer.from('SVDKBLOB', 'ascii');
export const BLOB_VERSION = 1;
/** Plaintext bytes per chunk: every chunk but the last holds exactly this many. */
export const PLAIN_CHUNK_BYTES = 64 * 1024;
/** crypto_secretstream_xchacha20poly1305_HEADERBYTES */
export const STREAM_HEADER_BYTES = 24;
/** crypto_secretstream_xchacha20poly1305_ABYTES: one tag byte and a 16-byte MAC. */
export const CHUNK_OVERHEAD_BYTES = 17;
export const CIPHER_CHUNK_BYTES = PLAIN_CHUNK_BYTES + CHUNK_OVERHEAD_BYTES;
/** Magic, version and stream header: everything before the first chunk. */
export const PREFIX_BYTES = BLOB_MAGIC.length + 1 + STREAM_HEADER_BYTES;

export function blobFileName(attachmentId: string): string {
  return `${attachmentId}.blob`;
}

/** The prefix of a blob: magic, version and the stream header. */
export function encodePrefix(streamHeader: Uint8Array): Buffer {
  if (streamHeader.length !== STREAM_HEADER_BYTES) throw new Error('bad stream header length');
  return Buffer.concat([BLOB_MAGIC, Buffer.of(BLOB_VERSION), streamHeader]);
}

/** The stream header of a prefix, or undefined when the magic or version is not ours. */
export function decodePrefix(prefix: Uint8Array): Uint8Array | undefined {
  if (prefix.length !== PREFIX_BYTES) return undefined;
  const magic = prefix.subarray(0, BLOB_MAGIC.length);
  if (!BLOB_MAGIC.equals(magic) || prefix[BLOB_MAGIC.length] !== BLOB_VERSION) return undefined;
  return prefix.slice(BLOB_MAGIC.length + 1);
}

/** Associated data of every chunk of one attachment's blob. */
export function chunkAd(attachmentId: string): Uint8Array {
  return new TextEncoder().encode(`svidok-blob:v${BLOB_VERSION}:${attachmentId}`);
}
