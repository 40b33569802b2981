/**
 * The age v1 header (C2SP age, https://age-encryption.org/v1): reading it from a stream within a
 * bound, parsing it strictly, encoding it, and its HMAC.
 *
 *   age-encryption.org/v1
 *   -> TYPE ARG…            one stanza: arguments of VCHARs separated by single spaces,
 *   BASE64 (64 columns)…    then its body, canonical unpadded base64 in lines of 64 columns,
 *   BASE64 (< 64 columns)   ended by a shorter (possibly empty) line
 *   --- BASE64(HMAC)
 *
 * Parsing is strict so that the header bytes are the one canonical encoding of what they say:
 * the HMAC is then computed over the bytes as read (the reference re-encodes first, which is the
 * same thing for a header that parses). Every failure is a typed AppError whose cause carries the
 * CCTV failure class (`AgeFailure.kind`), so tests can tell a parse error from a bad MAC.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * A header larger than this is refused before it is parsed. An X25519 stanza takes ~120 bytes and
 * a post-quantum one ~1.6 KB, so 64 KiB is dozens of recipients.
 */
export const MAX_AGE_HEADER_BYTES = 64 * 1024;

const VERSION_LINE = 'age-encryption.org/v1';
/** A body line holds 48 bytes (64 base64 columns); a shorter one ends the stanza. */
const BODY_LINE_BYTES = 48;
const MAC_BYTES = 32;

/** The CCTV classes of failure: what went wrong, at which stage of decryption. */
export type AgeFailureKind = 'header' | 'hmac' | 'payload' | 'no match';

/** The cause inside a BUNDLE_UNREADABLE / WRONG_IDENTITY AppError raised by our own age code. */
export class AgeFailure extends Error {
  readonly kind: AgeFailureKind;
  constructor(kind: AgeFailureKind, message: string) {
    super(message);
    this.name = 'AgeFailure';
    this.kind = kind;
  }
}

/** The typed error for a failure of `kind`; the detail stays in the cause, for logs and tests. */
export function ageError(kind: AgeFailureKind, detail: string): AppError {
  const cause = new AgeFailure(kind, detail);
  return kind === 'no match'
    ? new AppError('WRONG_IDENTITY', 'No given key or passphrase opens this file', { cause })
    : new AppError('BUNDLE_UNREADABLE', 'The age file is damaged, truncated or altered', { cause });
}

/** The failure class of an error raised by our age code, or undefined for any other error. */
export function ageFailureKind(error: unknown): AgeFailureKind | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof AgeFailure ? cause.kind : undefined;
}

export interface Stanza {
  /** The stanza's type, e.g. `X25519`. */
  readonly type: string;
  /** The arguments after the type. */
  readonly args: readonly string[];
  readonly body: Buffer;
}

export interface ParsedHeader {
  readonly stanzas: readonly Stanza[];
  /** What the MAC covers: the header up to and including the `---` of its last line. */
  readonly macInput: Buffer;
  readonly mac: Buffer;
}

const BASE64_CHARS = /^[A-Za-z0-9+/]*$/;

/**
 * Canonical unpadded base64 (RFC 4648 without `=`), or null. Buffer's decoder is lenient
 * (padding, stray characters, non-zero trailing bits), so the text is checked against the
 * alphabet and must be exactly what re-encoding the bytes gives.
 */
export function decodeBase64Strict(text: string): Buffer | null {
  if (!BASE64_CHARS.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeBase64(bytes) === text ? bytes : null;
}

export const encodeBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('base64')
    .replace(/=+$/, '');

/** An argument is one or more visible ASCII characters (VCHAR, 33–126). */
function isArgument(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  return true;
}

/**
 * Reads from `source` up to the end of the header's last (`---`) line, never buffering more than
 * `max` bytes. Returns the header and whatever the last read brought beyond it (the payload's
 * start). A header that does not end within `max` bytes, or before the source does, is refused.
 */
export async function readHeaderBytes(
  source: AsyncIterator<Uint8Array | string>,
  max: number,
): Promise<{ header: Buffer; rest: Buffer }> {
  let buffered = Buffer.alloc(0);
  let lineStart = 0;
  for (;;) {
    // Walk the complete lines not seen yet; the header ends after the first that starts `---`.
    for (let end = buffered.indexOf(0x0a, lineStart); end >= 0;) {
      if (end + 1 > max) break;
      if (buffered.subarray(lineStart, lineStart + 3).toString('latin1') === '---') {
        return { header: buffered.subarray(0, end + 1), rest: buffered.subarray(end + 1) };
      }
      lineStart = end + 1;
      end = buffered.indexOf(0x0a, lineStart);
    }
    if (buffered.length >= max) throw ageError('header', 'the header is too large');
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await source.next();
    } catch (error) {
      throw new AppError('BUNDLE_UNREADABLE', 'The age file could not be read', { cause: error });
    }
    if (next.done) throw ageError('header', 'the header is incomplete');
    buffered = Buffer.concat([buffered, toBytes(next.value)]);
  }
}

/** Parses a header as read by readHeaderBytes (it ends with the `---` line and its newline). */
export function parseHeader(header: Buffer): ParsedHeader {
  // Split on LF only: a CR anywhere fails the checks below (no CRLF tolerance, as in age).
  const lines = header.toString('latin1').split('\n');
  lines.pop(); // the empty string after the final newline
  if (lines[0] !== VERSION_LINE) throw ageError('header', 'not an age v1 header');
  const stanzas: Stanza[] = [];
  let offset = VERSION_LINE.length + 1;
  let at = 1;
  const next = (): string => {
    const line = lines[at++];
    if (line === undefined) throw ageError('header', 'a stanza is not finished');
    offset += line.length + 1;
    return line;
  };
  for (;;) {
    const lineOffset = offset;
    const line = next();
    if (line.startsWith('---')) {
      const parts = line.split(' ');
      const mac = parts.length === 2 ? decodeBase64Strict(parts[1]!) : null;
      if (parts[0] !== '---' || mac?.length !== MAC_BYTES) {
        throw ageError('header', 'the MAC line is malformed');
      }
      if (at !== lines.length) throw ageError('header', 'lines after the MAC line');
      return { stanzas, macInput: header.subarray(0, lineOffset + 3), mac };
    }
    const parts = line.split(' ');
    if (parts[0] !== '->' || parts.length < 2 || !parts.slice(1).every(isArgument)) {
      throw ageError('header', 'a stanza line is malformed');
    }
    const body: Buffer[] = [];
    for (;;) {
      const bytes = decodeBase64Strict(next());
      if (bytes === null) throw ageError('header', 'a stanza body line is not canonical base64');
      if (bytes.length > BODY_LINE_BYTES)
        throw ageError('header', 'a stanza body line is too long');
      body.push(bytes);
      if (bytes.length < BODY_LINE_BYTES) break;
    }
    stanzas.push({ type: parts[1]!, args: parts.slice(2), body: Buffer.concat(body) });
  }
}

/** The header up to `---` (what the MAC covers), in the one canonical encoding. */
export function encodeHeaderNoMac(stanzas: readonly Stanza[]): Buffer {
  let text = `${VERSION_LINE}\n`;
  for (const s of stanzas) {
    text += `-> ${[s.type, ...s.args].join(' ')}\n`;
    // Full lines, then always a short one: empty when the body is a multiple of 48 bytes.
    for (let i = 0; i <= s.body.length; i += BODY_LINE_BYTES) {
      text += `${encodeBase64(s.body.subarray(i, i + BODY_LINE_BYTES))}\n`;
    }
  }
  return Buffer.from(`${text}---`, 'latin1');
}

/** HMAC-SHA-256 of the header, keyed with HKDF-SHA-256(file key, no salt, "header"). */
export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  const key = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  return createHmac('sha256', key).update(macInput).digest();
}

/** The whole header: the canonical encoding and its MAC line. */
export function encodeHeader(stanzas: readonly Stanza[], fileKey: Uint8Array): Buffer {
  const noMac = encodeHeaderNoMac(stanzas);
  const mac = headerMac(fileKey, noMac);
  return Buffer.concat([noMac, Buffer.from(` ${encodeBase64(mac)}\n`, 'latin1')]);
}

/** Refuses the header unless its MAC verifies under `fileKey` (constant-time comparison). */
export function checkHeaderMac(header: ParsedHeader, fileKey: Uint8Array): void {
  if (!timingSafeEqual(headerMac(fileKey, header.macInput), header.mac)) {
    throw ageError('hmac', 'the header MAC does not verify');
  }
}

export const toBytes = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
