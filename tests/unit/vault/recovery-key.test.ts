/**
 * The printed recovery key: what a person does to it when reading it aloud and typing it back
 * (case, spaces, dashes, O/0, I/L/1, a Cyrillic layout) is forgiven; what a typo does to it (a
 * wrong symbol, two swapped, one missing) is caught by the checksum, every time, before the key
 * is tried against a vault.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from '../../../electron/main/vault';
import { RECOVERY_KEY_SYMBOLS } from '../../../electron/main/vault/recovery-key';
import { catchAppErrorSync } from '../../helpers/app-error';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){11}$/;

const keyOf = (fill?: number) =>
  fill === undefined ? new Uint8Array(randomBytes(32)) : new Uint8Array(32).fill(fill);

/** The 60 symbols of a printed key, without dashes. */
const symbolsOf = (printed: string) => printed.replaceAll('-', '');

function invalid(text: string): string {
  return catchAppErrorSync(() => parseRecoveryKey(text)).code;
}

describe('format', () => {
  it('60 Crockford symbols in 12 dash-separated groups of 5, upper case', () => {
    for (const key of [keyOf(), keyOf(0), keyOf(0xff)]) {
      const printed = formatRecoveryKey(key);
      expect(printed).toMatch(FORMAT);
      expect(symbolsOf(printed)).toHaveLength(RECOVERY_KEY_SYMBOLS);
    }
  });

  it('round trip: parse(format(key)) is the key, for edge and random keys', () => {
    const keys = [
      keyOf(0),
      keyOf(0xff),
      keyOf(0x55),
      ...Array.from({ length: 200 }, () => keyOf()),
    ];
    for (const key of keys) expect(parseRecoveryKey(formatRecoveryKey(key))).toEqual(key);
  });

  // Printed keys must stay valid for the life of every vault: these pin the format. They were
  // computed with an independent implementation (Python, from BIP-350's reference code).
  it.each([
    [
      '32 zero bytes',
      keyOf(0),
      '00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-000Z5-Q23FM',
    ],
    [
      '32 bytes 0xff',
      keyOf(0xff),
      'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZG2GE-HQS7N',
    ],
    [
      'bytes 0..31',
      Uint8Array.from({ length: 32 }, (_, i) => i),
      '000G4-0R40M-30E20-9185G-R38E1-W8124-GK2GA-HC5RR-34D1P-70X3R-FGNP7-R8ZD8',
    ],
  ])('known answer: %s', (_name, key, printed) => {
    expect(formatRecoveryKey(key)).toBe(printed);
    expect(parseRecoveryKey(printed)).toEqual(key);
  });

  it('different keys print differently (the key is really in the text)', () => {
    const a = keyOf(0);
    const b = keyOf(0);
    b[31] = 1;
    expect(formatRecoveryKey(a)).not.toBe(formatRecoveryKey(b));
  });

  it('refuses a key that is not 32 bytes (a programming error, not a user error)', () => {
    expect(() => formatRecoveryKey(new Uint8Array(31))).toThrow();
  });
});

describe('parse forgives how people type', () => {
  const key = keyOf();
  const printed = formatRecoveryKey(key);
  const plain = symbolsOf(printed);

  it.each([
    ['lower case', printed.toLowerCase()],
    ['no dashes', plain],
    ['spaces instead of dashes', printed.replaceAll('-', ' ')],
    [
      'leading, trailing and doubled spaces, a tab, a newline',
      `  ${printed.replaceAll('-', ' -  ')}\t\n`,
    ],
    ['groups of 4 (dashes anywhere)', plain.replace(/(.{4})(?!$)/g, '$1-')],
    ['typographic dashes (– — ‐)', printed.replace('-', '–').replace('-', '—').replace('-', '‐')],
    ['full-width characters', [...printed].map(fullWidth).join('')],
  ])('%s', (_name, text) => {
    expect(parseRecoveryKey(text)).toEqual(key);
  });

  it('O and o read as 0; I, i, L and l read as 1', () => {
    // Keys whose text has 0 and 1 in it: every key does often enough; build one that has both.
    let k = keyOf();
    let text = formatRecoveryKey(k);
    while (!text.includes('0') || !text.includes('1')) {
      k = keyOf();
      text = formatRecoveryKey(k);
    }
    for (const [zero, one] of [
      ['O', 'I'],
      ['o', 'i'],
      ['O', 'L'],
      ['o', 'l'],
    ] as const) {
      expect(parseRecoveryKey(text.replaceAll('0', zero).replaceAll('1', one))).toEqual(k);
    }
  });

  it('Cyrillic letters drawn like the Latin ones (a Ukrainian layout left on) are read as Latin', () => {
    const latinToCyrillic: Record<string, string> = {
      A: 'А',
      B: 'В',
      C: 'С',
      E: 'Е',
      H: 'Н',
      K: 'К',
      M: 'М',
      P: 'Р',
      T: 'Т',
      X: 'Х',
      '0': 'О',
      '1': 'І',
    };
    // A key whose text holds every one of these letters, so each mapping is exercised.
    let k = keyOf();
    for (let i = 0; i < 10_000; i++) {
      if (Object.keys(latinToCyrillic).every((ch) => formatRecoveryKey(k).includes(ch))) break;
      k = keyOf();
    }
    const text = formatRecoveryKey(k);
    expect(Object.keys(latinToCyrillic).filter((ch) => !text.includes(ch))).toEqual([]);
    const cyrillic = [...text].map((ch) => latinToCyrillic[ch] ?? ch).join('');
    expect(cyrillic).not.toMatch(/[ABCEHKMPTX01]/);
    expect(parseRecoveryKey(cyrillic)).toEqual(k);
    expect(parseRecoveryKey(cyrillic.toLowerCase())).toEqual(k);
  });
});

describe('parse catches typos with RECOVERY_KEY_INVALID', () => {
  const key = keyOf();
  const plain = symbolsOf(formatRecoveryKey(key));

  it('every single-symbol substitution, at every position, to every other symbol', () => {
    let tried = 0;
    for (let i = 0; i < plain.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === plain[i]) continue;
        const typo = plain.slice(0, i) + ch + plain.slice(i + 1);
        expect(invalid(typo), `position ${i} -> ${ch}`).toBe('RECOVERY_KEY_INVALID');
        tried++;
      }
    }
    expect(tried).toBe(RECOVERY_KEY_SYMBOLS * 31);
  });

  it('every swap of two different symbols, adjacent or not', () => {
    let tried = 0;
    for (let i = 0; i < plain.length; i++) {
      for (let j = i + 1; j < plain.length; j++) {
        if (plain[i] === plain[j]) continue;
        const s = [...plain];
        [s[i], s[j]] = [s[j] as string, s[i] as string];
        expect(invalid(s.join('')), `swap ${i} and ${j}`).toBe('RECOVERY_KEY_INVALID');
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('a symbol missing or one too many, anywhere', () => {
    for (let i = 0; i < plain.length; i++) {
      expect(invalid(plain.slice(0, i) + plain.slice(i + 1))).toBe('RECOVERY_KEY_INVALID');
      expect(invalid(plain.slice(0, i) + '7' + plain.slice(i))).toBe('RECOVERY_KEY_INVALID');
    }
  });

  it.each([
    ['empty', ''],
    ['only dashes and spaces', '- - -'],
    ['U (not in the alphabet)', 'U' + plain.slice(1)],
    ['a symbol outside base32', '*' + plain.slice(1)],
    ['a passphrase', 'correct horse battery staple'],
    ['very long input', plain.repeat(20)],
    ['the key twice', plain + plain],
  ])('%s', (_name, text) => {
    expect(invalid(text)).toBe('RECOVERY_KEY_INVALID');
  });

  it('the error message never repeats the text', () => {
    // A typo in the first symbol: never the symbol the random key already has there.
    const typo = (plain[0] === 'Z' ? 'Y' : 'Z') + plain.slice(1);
    const error = catchAppErrorSync(() => parseRecoveryKey(typo));
    expect(error.message).not.toContain(typo.slice(0, 10));
    expect(String(error.stack)).not.toContain(typo.slice(0, 10));
  });
});

function fullWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
}
