/**
 * minisign signatures made with the device's Ed25519 key, so a recipient can check a bundle with
 * the stock `minisign` tool (https://jedisct1.github.io/minisign/) and never needs Svidok.
 *
 * Formats, byte for byte (checked against minisign 0.11 in tests/interop/minisign.test.ts):
 *
 *   public key  'untrusted comment: minisign public key <KEYID>\n'
 *               base64('Ed' || keynum[8] || publicKey[32]) '\n'
 *   signature   'untrusted comment: <text>\n'
 *               base64('ED' || keynum[8] || Ed25519(BLAKE2b-512(file))[64]) '\n'
 *               'trusted comment: <text>\n'
 *               base64(Ed25519(signature[64] || trusted comment bytes)[64]) '\n'
 *
 * minisign draws keynum at random when it makes a key; our key comes from the vault, so keynum
 * is derived from the public key instead: the first 8 bytes of
 * BLAKE2b-256('svidok/minisign-key-id/v1' || 0x00 || publicKey), stored in that order. minisign
 * reads those 8 bytes as a little-endian integer and prints it in hex, so the printed key id is
 * the bytes reversed, upper case. We always print 16 digits (minisign 0.12 does too; 0.11 drops
 * leading zeros, which names the same key).
 *
 * Only the prehashed algorithm 'ED' is made or accepted. The legacy 'Ed' form signs the whole file
 * in memory and minisign itself refuses it with -H; a verifier here answers 'algorithm' for it.
 */
import { AppError } from '../../../shared/errors';
import { loadedSodium, loadSodium } from '../vault';
import type { Sodium } from '../vault';

/** Bytes to sign or check: a Node Readable, a web ReadableStream or any (async) iterable. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface MinisignPublicKey {
  /** 16 upper-case hex digits, as minisign prints the key id. */
  readonly keyId: string;
  /** The two-line `.pub` file. */
  readonly text: string;
  /** The second line alone: what `minisign -P` takes. */
  readonly base64: string;
}

export type MinisignFailure =
  'malformed' | 'key_id' | 'algorithm' | 'signature' | 'global_signature';

export type MinisignVerdict =
  | { readonly ok: true; readonly trustedComment: string; readonly keyId: string }
  | { readonly ok: false; readonly reason: MinisignFailure };

const KEY_ID_DOMAIN = 'svidok/minisign-key-id/v1\0';
const KEYNUM_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const PREHASH_BYTES = 64;
/** Our own limit; minisign accepts up to 8 KiB, but a comment is one line of metadata. */
export const MAX_TRUSTED_COMMENT_BYTES = 1024;
/** minisign reads the untrusted line into 1024 bytes, prefix and newline included. */
const MAX_UNTRUSTED_COMMENT_BYTES = 1000;
/** A signature file is four short lines; anything larger is refused before it is parsed. */
export const MAX_SIGNATURE_FILE_BYTES = 4096;
const MAX_PUBLIC_KEY_FILE_BYTES = 4096;

const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';
const ALG_PUBLIC = 'Ed';
const ALG_PREHASHED = 'ED';

const encoder = new TextEncoder();

/** The 8 key-number bytes, in the order minisign stores them. Needs libsodium loaded. */
export function minisignKeyNum(publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new AppError('BAD_INPUT', 'An Ed25519 public key has 32 bytes');
  }
  const sodium = loadedSodium();
  const input = concat(encoder.encode(KEY_ID_DOMAIN), publicKey);
  return sodium.crypto_generichash(32, input, null).slice(0, KEYNUM_BYTES);
}

/** The device key as a minisign `.pub` file. Needs libsodium loaded (it is once a vault opens). */
export function minisignPublicKey(publicKey: Uint8Array): MinisignPublicKey {
  const keyNum = minisignKeyNum(publicKey);
  const keyId = keyIdHex(keyNum);
  const base64 = toBase64(concat(encoder.encode(ALG_PUBLIC), keyNum, publicKey));
  return { keyId, base64, text: `${UNTRUSTED_PREFIX}minisign public key ${keyId}\n${base64}\n` };
}

/**
 * Signs `data` as `minisign -S` does and returns the `.minisig` text. `secret` is a 32-byte seed
 * (the vault's 'signing' sub-key) or a 64-byte libsodium secret key; it stays the caller's to wipe,
 * the key pair derived from a seed is wiped here.
 */
export async function signPrehashed(
  secret: Uint8Array,
  keyId: string,
  data: ByteSource,
  trustedComment: string,
  untrustedComment = `signature from Svidok device key ${keyId.toUpperCase().padStart(16, '0')}`,
): Promise<string> {
  const sodium = await loadSodium();
  const trusted = commentBytes(trustedComment, MAX_TRUSTED_COMMENT_BYTES, 'trusted');
  commentBytes(untrustedComment, MAX_UNTRUSTED_COMMENT_BYTES, 'untrusted');
  const keyNum = keyNumFromId(keyId);
  if (secret.length !== 32 && secret.length !== 64) {
    throw new AppError('BAD_INPUT', 'A signing key is a 32-byte seed or a 64-byte secret key');
  }
  // Hash first: the secret key then lives only for the two signatures, not the whole read.
  const digest = await prehash(sodium, data);
  const secretKey =
    secret.length === 32 ? sodium.crypto_sign_seed_keypair(secret).privateKey : secret;
  try {
    const signature = sodium.crypto_sign_detached(digest, secretKey);
    const global = sodium.crypto_sign_detached(concat(signature, trusted), secretKey);
    const sigLine = toBase64(concat(encoder.encode(ALG_PREHASHED), keyNum, signature));
    return (
      `${UNTRUSTED_PREFIX}${untrustedComment}\n${sigLine}\n` +
      `${TRUSTED_PREFIX}${trustedComment}\n${toBase64(global)}\n`
    );
  } finally {
    if (secretKey !== secret) sodium.memzero(secretKey);
  }
}

/**
 * Checks a `.minisig` against a public key (the `.pub` text, its base64 line, or the raw 32-byte
 * Ed25519 key of a Svidok device) and the data. Hostile key and signature texts give a reason,
 * never an exception; the data is only read once both parse, so a malformed signature costs
 * nothing. Errors of the data stream itself (a file that cannot be read) do propagate.
 */
export async function verifyPrehashed(
  publicKey: string | Uint8Array,
  signature: string | Uint8Array,
  data: ByteSource,
): Promise<MinisignVerdict> {
  const sodium = await loadSodium();
  const key = parsePublicKey(publicKey);
  const sig = parseSignature(signature);
  if (!key || !sig) return { ok: false, reason: 'malformed' };
  if (sig.algorithm !== ALG_PREHASHED) return { ok: false, reason: 'algorithm' };
  if (!sodium.memcmp(sig.keyNum, key.keyNum)) return { ok: false, reason: 'key_id' };

  const digest = await prehash(sodium, data);
  if (!safeVerify(sodium, sig.signature, digest, key.publicKey)) {
    return { ok: false, reason: 'signature' };
  }
  const signedComment = concat(sig.signature, sig.trustedComment);
  if (!safeVerify(sodium, sig.globalSignature, signedComment, key.publicKey)) {
    return { ok: false, reason: 'global_signature' };
  }
  return {
    ok: true,
    trustedComment: new TextDecoder().decode(sig.trustedComment),
    keyId: keyIdHex(key.keyNum),
  };
}

/** BLAKE2b-512 of the stream, one chunk at a time, so a file of any size costs one chunk. */
async function prehash(sodium: Sodium, data: ByteSource): Promise<Uint8Array> {
  const state = sodium.crypto_generichash_init(null, PREHASH_BYTES);
  try {
    for await (const chunk of data as AsyncIterable<unknown>) {
      if (!(chunk instanceof Uint8Array)) {
        throw new AppError('BAD_INPUT', 'Data to sign must be bytes, not text');
      }
      sodium.crypto_generichash_update(state, chunk);
    }
  } catch (error) {
    // final() releases the hash state in libsodium's heap; the result is thrown away.
    sodium.crypto_generichash_final(state, PREHASH_BYTES);
    throw error;
  }
  return sodium.crypto_generichash_final(state, PREHASH_BYTES);
}

function safeVerify(sodium: Sodium, sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  try {
    return sodium.crypto_sign_verify_detached(sig, msg, pk);
  } catch {
    return false;
  }
}

interface ParsedKey {
  readonly keyNum: Uint8Array;
  readonly publicKey: Uint8Array;
}

function parsePublicKey(input: string | Uint8Array): ParsedKey | null {
  if (input instanceof Uint8Array) {
    if (input.length !== PUBLIC_KEY_BYTES) return null;
    return { keyNum: minisignKeyNum(input), publicKey: input };
  }
  if (typeof input !== 'string' || input.length > MAX_PUBLIC_KEY_FILE_BYTES) return null;
  const lines = splitLines(input.trim());
  if (!lines) return null;
  // A `.pub` file: the comment line, then the key; `-P` style: the key alone.
  let line: string | undefined;
  if (lines.length === 1) line = lines[0];
  else if (lines.length === 2 && lines[0]?.startsWith(UNTRUSTED_PREFIX)) line = lines[1];
  const bytes = line === undefined ? null : strictBase64(line);
  if (!bytes || bytes.length !== 2 + KEYNUM_BYTES + PUBLIC_KEY_BYTES) return null;
  if (ascii(bytes.subarray(0, 2)) !== ALG_PUBLIC) return null;
  return { keyNum: bytes.slice(2, 10), publicKey: bytes.slice(10) };
}

interface ParsedSignature {
  readonly algorithm: string;
  readonly keyNum: Uint8Array;
  readonly signature: Uint8Array;
  readonly trustedComment: Uint8Array;
  readonly globalSignature: Uint8Array;
}

function parseSignature(input: string | Uint8Array): ParsedSignature | null {
  // Bound the size before encoding or splitting anything: a 10 MB "signature" costs nothing.
  if (typeof input === 'string') {
    if (input.length > MAX_SIGNATURE_FILE_BYTES) return null;
    input = encoder.encode(input);
  }
  if (!(input instanceof Uint8Array) || input.length > MAX_SIGNATURE_FILE_BYTES) return null;
  const text = decodeUtf8(input);
  if (text === null) return null;
  const lines = splitLines(text);
  if (!lines || lines.length !== 4) return null;
  const [untrusted, sigLine, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED_PREFIX) || !trusted.startsWith(TRUSTED_PREFIX)) return null;
  const sig = strictBase64(sigLine);
  const global = strictBase64(globalLine);
  if (!sig || sig.length !== 2 + KEYNUM_BYTES + SIGNATURE_BYTES) return null;
  if (!global || global.length !== SIGNATURE_BYTES) return null;
  return {
    // Checked by the caller: a legacy 'Ed' or unknown algorithm is 'algorithm', not 'malformed'.
    algorithm: ascii(sig.subarray(0, 2)),
    keyNum: sig.slice(2, 10),
    signature: sig.slice(10),
    // The exact bytes after the prefix: the global signature covers them, not a re-encoding.
    trustedComment: encoder.encode(trusted.slice(TRUSTED_PREFIX.length)),
    globalSignature: global,
  };
}

/** Lines without their LF (or CRLF, as minisign trims it); one final newline is allowed. */
function splitLines(text: string): string[] | null {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.at(-1) === '') lines.pop();
  if (lines.some((line) => line.includes('\r') || line.includes('\0'))) return null;
  return lines;
}

/** Canonical standard base64 only: Buffer alone would skip junk characters silently. */
function strictBase64(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    return null;
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One line of well-formed text, within `max` bytes; its UTF-8 bytes are what gets signed. */
function commentBytes(comment: string, max: number, which: string): Uint8Array {
  if (typeof comment !== 'string' || comment.length > max || /[\r\n\0]/.test(comment)) {
    throw new AppError('BAD_INPUT', `A ${which} comment must be one line of at most ${max} bytes`);
  }
  const bytes = encoder.encode(comment);
  // A lone surrogate would be signed as U+FFFD: the signed text would differ from the given one.
  if (bytes.length > max || new TextDecoder().decode(bytes) !== comment) {
    throw new AppError('BAD_INPUT', `A ${which} comment must be one line of at most ${max} bytes`);
  }
  return bytes;
}

function keyNumFromId(keyId: string): Uint8Array {
  if (typeof keyId !== 'string' || !/^[0-9A-Fa-f]{1,16}$/.test(keyId)) {
    throw new AppError('BAD_INPUT', 'A minisign key id is up to 16 hex digits');
  }
  return Uint8Array.from(Buffer.from(keyId.padStart(16, '0'), 'hex')).reverse();
}

function keyIdHex(keyNum: Uint8Array): string {
  return Buffer.from(keyNum).reverse().toString('hex').toUpperCase();
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
