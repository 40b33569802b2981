/**
 * A minisign public key as a recipient holds it: the two-line `.pub` file, or its second line
 * alone (what `minisign -P` takes). Parsed here to its raw Ed25519 key, so the key a bundle
 * carries can be compared with the key the recipient pinned, and with the `key` of every custody
 * entry, byte for byte.
 */
import { AppError } from '../../../shared/errors';

export interface DeviceKey {
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** 16 upper-case hex digits, as minisign prints it. */
  readonly keyId: string;
  /** The base64 line. */
  readonly base64: string;
}

/** A `.pub` file is two short lines; anything larger is refused unread. */
export const MAX_PUBLIC_KEY_TEXT = 4096;
const UNTRUSTED_PREFIX = 'untrusted comment: ';

/** The key, or null for anything that is not exactly one minisign Ed25519 public key. */
export function parseDeviceKey(text: string): DeviceKey | null {
  if (text.length > MAX_PUBLIC_KEY_TEXT) return null;
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.replace(/\r$/u, ''));
  let line: string | undefined;
  if (lines.length === 1) line = lines[0];
  else if (lines.length === 2 && lines[0]?.startsWith(UNTRUSTED_PREFIX)) line = lines[1];
  if (line === undefined || !/^[A-Za-z0-9+/]+={0,2}$/u.test(line)) return null;
  const bytes = Buffer.from(line, 'base64');
  // Canonical base64 only: Buffer skips junk silently, so the round trip must give the same text.
  if (bytes.toString('base64') !== line || bytes.length !== 42) return null;
  if (bytes.subarray(0, 2).toString('latin1') !== 'Ed') return null;
  return {
    publicKey: new Uint8Array(bytes.subarray(10)),
    keyId: Buffer.from(bytes.subarray(2, 10)).reverse().toString('hex').toUpperCase(),
    base64: line,
  };
}

/** For keys the user gave: a typed error instead of null. */
export function requireDeviceKey(text: string): DeviceKey {
  const key = parseDeviceKey(text);
  if (!key) {
    throw new AppError('DEVICE_KEY_INVALID', 'The device key given is not a minisign public key');
  }
  return key;
}

export function sameKey(a: DeviceKey, b: DeviceKey): boolean {
  return Buffer.from(a.publicKey).equals(Buffer.from(b.publicKey)) && a.keyId === b.keyId;
}
