/**
 * Recipient keys are checked strictly: a prosecutor pins exactly what `age-keygen` printed. Real
 * keys from the Debian `age-keygen` and from age-encryption pass; every near miss (wrong HRP, a
 * flipped character, upper or mixed case, wrong length, plugin and post-quantum keys, SSH keys,
 * secret keys pasted by mistake) is RECIPIENT_KEY_INVALID with a reason.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  ageKeyProblem,
  parseAgeRecipient,
  recipientFingerprint,
} from '../../../electron/main/recipients';
import { decodeBech32, wordsToBytes } from '../../../electron/main/recipients/age-key';
import { catchAppErrorSync } from '../../helpers/app-error';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** A bech32 encoder for the tests only, written from BIP 173 independently of the decoder. */
function encode(hrp: string, data: Uint8Array, constant = 1): string {
  const words: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of data) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const pm = (values: number[]) => {
    let chk = 1;
    for (const v of values) {
      const top = chk >>> 25;
      chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
      for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk = (chk ^ gen[i]!) >>> 0;
    }
    return chk;
  };
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  const expanded = [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)];
  const mod = pm([...expanded, ...words, 0, 0, 0, 0, 0, 0]) ^ constant;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map((w) => CHARSET[w]).join('')}`;
}

const KEY = encode('age', new Uint8Array(32).fill(7));

describe('valid keys', () => {
  it('accepts keys made by the Debian age-keygen and by age-encryption', async () => {
    for (let i = 0; i < 3; i++) {
      const out = execFileSync('age-keygen', {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const key = /public key: (age1\S+)/.exec(out)?.[1];
      expect(key).toBeDefined();
      expect(parseAgeRecipient(key!)).toBe(key);
      const js = await identityToRecipient(await generateX25519Identity());
      expect(parseAgeRecipient(js)).toBe(js);
    }
    expect(parseAgeRecipient(`  ${KEY}\n`)).toBe(KEY);
  });

  it('decodes to the same 32 bytes that were encoded', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
    const decoded = decodeBech32(encode('age', bytes));
    expect(typeof decoded).not.toBe('string');
    expect(wordsToBytes((decoded as { words: number[] }).words)).toEqual(bytes);
  });
});

describe('refused keys (RECIPIENT_KEY_INVALID)', () => {
  const flip = (s: string, at: number) => {
    const c = s[at]!;
    const other = CHARSET[(CHARSET.indexOf(c) + 1) % 32]!;
    return s.slice(0, at) + other + s.slice(at + 1);
  };
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /starts with age1/],
    ['wrong HRP (bech32 "agf")', encode('agf', new Uint8Array(32)), /starts with age1/],
    ['bad checksum (last character)', flip(KEY, KEY.length - 1), /checksum/],
    ['bad checksum (a data character)', flip(KEY, 10), /checksum/],
    ['two characters swapped', KEY.slice(0, 10) + KEY[11] + KEY[10] + KEY.slice(12), /checksum/],
    ['upper case', KEY.toUpperCase(), /lower case/],
    ['mixed case', KEY.slice(0, 20) + KEY.slice(20).toUpperCase(), /lower case/],
    ['31 bytes', encode('age', new Uint8Array(31)), /length/],
    ['33 bytes', encode('age', new Uint8Array(33)), /length/],
    ['truncated', KEY.slice(0, -1), /checksum/],
    ['bech32m checksum', encode('age', new Uint8Array(32).fill(7), 0x2bc830a3), /checksum/],
    ['a character outside bech32 ("b")', 'age1b' + KEY.slice(5), /cannot appear/],
    ['plugin key (age1yubikey1…)', encode('age1yubikey', new Uint8Array(33)), /not supported/],
    ['post-quantum key (age1pq1…)', encode('age1pq', new Uint8Array(40)), /not supported/],
    ['ssh-ed25519 key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsY user@host', /SSH/],
    ['ssh-rsa key', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host', /SSH/],
    ['secret key pasted by mistake', 'AGE-SECRET-KEY-1' + 'Q'.repeat(58), /SECRET/],
    ['key with a comment', `${KEY} # office`, /cannot appear/],
    ['two keys', `${KEY},${KEY}`, /cannot appear|checksum/],
  ];
  it.each(cases)('%s', (_label, key, reason) => {
    const error = catchAppErrorSync(() => parseAgeRecipient(key));
    expect(error.code).toBe('RECIPIENT_KEY_INVALID');
    expect(error.message).toMatch(reason);
    expect(ageKeyProblem(key.trim())).not.toBeNull();
  });

  it('the independent encoder really makes valid age keys (so the refusals are about the flaw)', () => {
    expect(ageKeyProblem(KEY)).toBeNull();
  });
});

describe('fingerprint', () => {
  it('is SHA-256 of the key text, first 16 bytes, as 8 groups of 4 hex digits — as sha256sum shows', () => {
    const fp = recipientFingerprint(KEY);
    expect(fp).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    const viaSha256sum = execFileSync('sha256sum', { input: KEY, encoding: 'utf8' }).slice(0, 32);
    expect(fp.replaceAll(' ', '')).toBe(viaSha256sum);
    expect(fp.replaceAll(' ', '')).toBe(
      createHash('sha256').update(KEY).digest('hex').slice(0, 32),
    );
  });
});
