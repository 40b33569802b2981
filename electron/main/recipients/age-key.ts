/**
 * age X25519 public keys (`age1…`), checked strictly before anything is sealed to them.
 *
 * Bech32 (BIP 173) is decoded here rather than through age-encryption, which accepts upper-case
 * keys and any `age1<plugin>1…` string it recognises, and does not say what is wrong. A key that
 * prosecutors pin must be exactly what `age-keygen` printed: human-readable part `age`, bech32
 * (not bech32m) checksum, 32 bytes of X25519 key, lower case. Anything else is refused with
 * RECIPIENT_KEY_INVALID and a reason the interviewer can act on.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { BECH32_CONST, bech32Polymod, bech32PrefixExpand } from '../vault';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const HRP = 'age';
/** `age1` + 52 data characters (32 bytes) + 6 checksum characters. */
const KEY_LENGTH = 62;
const CHECKSUM_LENGTH = 6;

/** Bech32 decoding of a lower-case string: its HRP and data words, or why it is not one. */
export function decodeBech32(text: string): { hrp: string; words: number[] } | string {
  const sep = text.lastIndexOf('1');
  if (sep < 1 || sep + CHECKSUM_LENGTH + 1 > text.length) return 'not bech32';
  const hrp = text.slice(0, sep);
  const words: number[] = [];
  for (const c of text.slice(sep + 1)) {
    const w = CHARSET.indexOf(c);
    if (w < 0) return `the character “${c}” cannot appear in a key`;
    words.push(w);
  }
  // Bech32, not bech32m: age keys use the original constant.
  if (bech32Polymod([...bech32PrefixExpand(hrp), ...words]) !== BECH32_CONST) {
    return 'the checksum does not match: a character is mistyped or missing';
  }
  return { hrp, words: words.slice(0, -CHECKSUM_LENGTH) };
}

/** 5-bit words to bytes; the leftover bits must be fewer than 5 and all zero (BIP 173). */
export function wordsToBytes(words: readonly number[]): Uint8Array | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const w of words) {
    acc = ((acc << 5) | w) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(out);
}

/** Why `text` is not an age X25519 public key, or null when it is one. */
export function ageKeyProblem(text: string): string | null {
  if (text.startsWith('ssh-') || text.startsWith('ecdsa-')) {
    return 'SSH keys are not accepted; ask for an age key (age-keygen)';
  }
  if (text.startsWith('AGE-SECRET-KEY-')) {
    return 'this is a SECRET key: it must never leave its owner; ask for the public key (age1…)';
  }
  if (text.toLowerCase().startsWith('age1') && text !== text.toLowerCase()) {
    return 'age keys are written in lower case; copy the key exactly as age-keygen printed it';
  }
  if (!text.startsWith('age1')) return 'an age public key starts with age1';
  const decoded = decodeBech32(text);
  if (typeof decoded === 'string') return decoded;
  // age1pq1…, age1yubikey1…: other key types and plugins, which the prosecutor's plain `age` CLI
  // may not read. Only X25519 keys are accepted for now.
  if (decoded.hrp !== HRP)
    return `a key of type “${decoded.hrp}” is not supported (age1… X25519 only)`;
  if (text.length !== KEY_LENGTH) return 'the key has the wrong length';
  const bytes = wordsToBytes(decoded.words);
  if (bytes?.length !== 32) return 'the key has the wrong length';
  return null;
}

/** The key, unchanged (after trimming the spaces of a paste), or RECIPIENT_KEY_INVALID. */
export function parseAgeRecipient(text: string): string {
  const key = text.trim();
  const problem = ageKeyProblem(key);
  if (problem !== null) {
    throw new AppError('RECIPIENT_KEY_INVALID', `Not an age public key: ${problem}`);
  }
  return key;
}

/**
 * What interviewer and recipient compare out of band (by phone, on paper): SHA-256 of the key
 * text exactly as stored (ASCII, no newline), first 16 bytes, as 8 groups of 4 lower-case hex
 * digits. A recipient can compute it with standard tools:
 *   printf %s age1… | sha256sum | cut -c1-32
 * The same string is printed by `svidok recipient list` and returned over IPC for the UI.
 */
export function recipientFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(publicKey, 'ascii').digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}
