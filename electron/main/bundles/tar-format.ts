/**
 * The bytes of a POSIX tar (ustar, IEEE Std 1003.1 `pax` format): 512-byte headers, pax extended
 * records, checksums. Shared by the writer and the defensive reader so both agree on one layout.
 * Only what Svidok writes or must recognise to refuse is here.
 */

export const BLOCK = 512;

/** Header field offsets and lengths (ustar). */
const F = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  checksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const satisfies Record<string, readonly [number, number]>;

/** Largest size a 12-byte octal field holds (8 GiB - 1); larger sizes go in a pax `size` record. */
export const MAX_OCTAL_SIZE = 0o77777777777;

export interface HeaderFields {
  /** Already encoded, at most 100 bytes. */
  name: Uint8Array;
  size: number;
  mtime: number;
  /** '0' regular file, 'x' pax extended header for the next entry. */
  typeflag: '0' | 'x';
}

/**
 * A ustar header with nothing that identifies the machine: mode 0644, uid/gid 0, empty
 * uname/gname, the caller's fixed mtime. Sizes too big for octal are written as 0 and carried by
 * the preceding pax header instead.
 */
export function encodeHeader(fields: HeaderFields): Buffer {
  if (fields.name.length > F.name[1]) throw new RangeError('tar header name over 100 bytes');
  const block = Buffer.alloc(BLOCK);
  block.set(fields.name, F.name[0]);
  writeOctal(block, F.mode, 0o644);
  writeOctal(block, F.uid, 0);
  writeOctal(block, F.gid, 0);
  writeOctal(block, F.size, fields.size > MAX_OCTAL_SIZE ? 0 : fields.size);
  writeOctal(block, F.mtime, fields.mtime);
  block.write(fields.typeflag, F.typeflag[0], 'latin1');
  block.write('ustar\u0000', F.magic[0], 'latin1');
  block.write('00', F.version[0], 'latin1');
  writeOctal(block, F.devmajor, 0);
  writeOctal(block, F.devminor, 0);
  block.write(octal(checksum(block), 6), F.checksum[0], 'latin1');
  block[F.checksum[0] + 6] = 0;
  block[F.checksum[0] + 7] = 0x20;
  return block;
}

function octal(value: number, digits: number): string {
  return value.toString(8).padStart(digits, '0');
}

/** Octal digits filling the field but its last byte, which is NUL (as GNU tar writes). */
function writeOctal(block: Buffer, [offset, length]: readonly [number, number], value: number) {
  block.write(octal(value, length - 1), offset, 'latin1');
  block[offset + length - 1] = 0;
}

/** Sum of all header bytes with the checksum field read as eight spaces. */
export function checksum(block: Uint8Array): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) {
    if (i < F.checksum[0] || i >= F.checksum[0] + F.checksum[1]) sum += block[i] ?? 0;
  }
  return sum;
}

/**
 * Pax records "<length> <key>=<value>\n", where length counts the whole record in decimal,
 * its own digits included (so it is found by iteration).
 */
export function encodePaxRecords(records: ReadonlyArray<readonly [string, string]>): Buffer {
  const parts = records.map(([key, value]) => {
    const body = Buffer.from(` ${key}=${value}\n`, 'utf8');
    let length = body.length + 1;
    while (String(length).length + body.length !== length)
      length = String(length).length + body.length;
    return Buffer.concat([Buffer.from(String(length), 'latin1'), body]);
  });
  return Buffer.concat(parts);
}

/** Zero padding that brings `size` bytes up to a whole block. */
export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

export type HeaderKind = 'posix' | 'gnu';

export interface ParsedHeader {
  kind: HeaderKind;
  /** Raw name bytes, prefix joined for POSIX headers. */
  name: Buffer;
  size: number;
  typeflag: string;
}

/** Why a header could not be parsed; the reader turns it into a typed error naming the entry. */
export class HeaderProblem extends Error {}

export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

/**
 * Parses a header block after checking its checksum and magic. Accepts POSIX ustar ("ustar\0"
 * "00") and GNU ("ustar  \0") headers, the two GNU tar and bsdtar write; anything older or
 * unrecognised is refused rather than guessed at.
 */
export function parseHeader(block: Buffer): ParsedHeader {
  const stored = parseNumber(block, F.checksum);
  if (stored === undefined || stored !== checksum(block)) {
    throw new HeaderProblem('bad header checksum');
  }
  const magic = block.toString('latin1', F.magic[0], F.magic[0] + 8);
  let kind: HeaderKind;
  if (magic === 'ustar\u000000') kind = 'posix';
  else if (magic === 'ustar  \u0000') kind = 'gnu';
  else throw new HeaderProblem('not a ustar header');
  let name = cString(block, F.name);
  // In GNU headers the prefix area holds other fields; only POSIX headers carry a path prefix.
  const prefix = kind === 'posix' ? cString(block, F.prefix) : Buffer.alloc(0);
  if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from('/'), name]);
  const size = parseNumber(block, F.size);
  if (size === undefined) throw new HeaderProblem('unreadable size field');
  const flag = block[F.typeflag[0]] ?? 0;
  return { kind, name, size, typeflag: flag === 0 ? '0' : String.fromCharCode(flag) };
}

function cString(block: Buffer, [offset, length]: readonly [number, number]): Buffer {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end));
}

/**
 * An octal field (digits, then NUL or space padding), or GNU's base-256 form (high bit set) that
 * GNU tar uses for sizes of 8 GiB and more. Undefined when malformed or beyond 2^53.
 */
function parseNumber(block: Buffer, [offset, length]: readonly [number, number]) {
  const first = block[offset] ?? 0;
  if (first & 0x80) {
    if (first !== 0x80) return undefined; // negative or absurdly large
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + (block[i] ?? 0);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  // Digits padded with spaces and ended by NUL (or the field's end); what follows NUL is ignored.
  const digits = (
    block.toString('latin1', offset, offset + length).split('\u0000')[0] ?? ''
  ).trim();
  if (!/^[0-7]{1,22}$/u.test(digits)) return undefined;
  const value = parseInt(digits, 8);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Pax records into a map, strictly: each length must be exact, each record must end in a
 * newline and hold "key=value" in valid UTF-8. A malformed record refuses the whole header, since
 * readers that skipped it would see different names than we do.
 */
export function parsePaxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break; // some writers pad the record area with NUL
    const space = data.indexOf(0x20, at);
    if (space === -1 || space - at > 20) throw new HeaderProblem('malformed pax record');
    const lengthText = data.toString('latin1', at, space);
    if (!/^[1-9][0-9]*$/u.test(lengthText)) throw new HeaderProblem('malformed pax record');
    const length = Number(lengthText);
    const end = at + length;
    if (end > data.length || data[end - 1] !== 0x0a)
      throw new HeaderProblem('malformed pax record');
    let record: string;
    try {
      record = decoder.decode(data.subarray(space + 1, end - 1));
    } catch {
      throw new HeaderProblem('pax record is not UTF-8');
    }
    const equals = record.indexOf('=');
    if (equals <= 0) throw new HeaderProblem('malformed pax record');
    records.set(record.slice(0, equals), record.slice(equals + 1));
    at = end;
  }
  return records;
}
