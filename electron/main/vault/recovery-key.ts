/**
 * The recovery key: 32 random bytes, shown once at creation and printed or written down, so it
 * has to survive being read aloud and typed back by a tired person.
 *
 * Printed form: 60 symbols of Crockford base32 (digits and capitals without I, L, O, U) in 12
 * groups of 5 joined by dashes. The 60 symbols are the key (52 symbols: 256 bits and 4 zero
 * bits), a 2-symbol fingerprint of the key (10 bits of SHA-256), and a 6-symbol BCH checksum, the
 * one of bech32m (BIP-350) with "svidok-rk" as its prefix. Over 60 symbols that code is proven to
 * catch every error touching up to 4 symbols: any one mistyped symbol, any two symbols swapped
 * (next to each other or not), any two mistyped. The fingerprint adds 10 bits against garbage.
 *
 * Parsing forgives what a person does to a printed string: lower case, spaces and dashes of any
 * kind, O for 0, I and L for 1, full-width characters, and Cyrillic letters that look like the
 * Latin ones (a Ukrainian keyboard layout left on). Anything else is RECOVERY_KEY_INVALID, before
 * the key is tried against the vault.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { BECH32M_CONST, bech32Polymod, bech32PrefixExpand } from './bech32';

export const RECOVERY_KEY_BYTES = 32;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_SYMBOLS = 52; // ceil(256 / 5)
const FINGERPRINT_SYMBOLS = 2;
const CHECKSUM_SYMBOLS = 6;
export const RECOVERY_KEY_SYMBOLS = KEY_SYMBOLS + FINGERPRINT_SYMBOLS + CHECKSUM_SYMBOLS;
const GROUP = 5;
const PREFIX = 'svidok-rk';
const FINGERPRINT_CONTEXT = 'svidok-recovery-key-fingerprint:v1:';

/** Formats 32 key bytes as 12 dash-separated groups of 5 symbols. */
export function formatRecoveryKey(key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new Error('a recovery key is 32 bytes');
  const data = [...toSymbols(key), ...fingerprint(key)];
  const symbols = [...data, ...checksum(data)];
  const text = symbols.map((v) => ALPHABET[v]).join('');
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * The 32 key bytes of a typed recovery key (the caller wipes them), or RECOVERY_KEY_INVALID when
 * the text is not one: a character outside the alphabet, a symbol missing or extra, a checksum
 * that fails. The message never repeats the text.
 */
export function parseRecoveryKey(text: string): Uint8Array {
  const invalid = (why: string) =>
    new AppError('RECOVERY_KEY_INVALID', `Not a recovery key: ${why}`);
  if (text.length > 512) throw invalid('too long');
  const symbols: number[] = [];
  for (const ch of normalise(text)) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw invalid('a character outside the alphabet');
    symbols.push(value);
  }
  if (symbols.length !== RECOVERY_KEY_SYMBOLS) throw invalid('wrong number of symbols');
  if (!verifyChecksum(symbols)) throw invalid('the checksum does not match (a typo)');
  const key = fromSymbols(symbols.slice(0, KEY_SYMBOLS));
  if (!key) throw invalid('non-zero padding bits');
  const expected = fingerprint(key);
  const given = symbols.slice(KEY_SYMBOLS, KEY_SYMBOLS + FINGERPRINT_SYMBOLS);
  if (expected.some((v, i) => v !== given[i])) {
    key.fill(0);
    throw invalid('the fingerprint does not match');
  }
  return key;
}

/** Upper-case Latin symbols with separators dropped and look-alikes mapped. */
function normalise(text: string): string {
  let out = '';
  for (const raw of text.normalize('NFKC')) {
    if (/[\s\p{Pd}]/u.test(raw)) continue;
    const ch = raw.toUpperCase();
    out += LOOKALIKES[ch] ?? ch;
  }
  return out;
}

/** Crockford's decoding rules, plus Cyrillic capitals drawn like Latin ones. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  I: '1',
  L: '1',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: '0',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: '1',
};

/** Big-endian bits of `bytes` as 5-bit symbols, the last one padded with zero bits. */
function toSymbols(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) out.push((acc << (5 - bits)) & 31);
  return out;
}

/** The inverse of toSymbols for 32 bytes; undefined when the padding bits are not zero. */
function fromSymbols(symbols: readonly number[]): Uint8Array | undefined {
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const symbol of symbols) {
    acc = ((acc << 5) | symbol) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  if (n !== RECOVERY_KEY_BYTES || (acc & ((1 << bits) - 1)) !== 0) {
    out.fill(0);
    return undefined;
  }
  return out;
}

function fingerprint(key: Uint8Array): number[] {
  const digest = createHash('sha256').update(FINGERPRINT_CONTEXT).update(key).digest();
  const ten = ((digest[0] as number) << 2) | ((digest[1] as number) >> 6);
  return [(ten >> 5) & 31, ten & 31];
}

function checksum(data: readonly number[]): number[] {
  const mod =
    bech32Polymod([...bech32PrefixExpand(PREFIX), ...data, 0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST;
  return Array.from({ length: CHECKSUM_SYMBOLS }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
}

function verifyChecksum(symbols: readonly number[]): boolean {
  return bech32Polymod([...bech32PrefixExpand(PREFIX), ...symbols]) === BECH32M_CONST;
}
