/**
 * safeFileName against a hostile corpus: whatever an attachment was called, the name we would
 * write a file under is one harmless path component on Windows, macOS and Linux — no traversal,
 * no hidden file, no device name, no control or bidi character, at most 200 UTF-8 bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  assertStorableFileName,
  MAX_SAFE_NAME_BYTES,
  safeFileName,
} from '../../../electron/main/attachments';
import { catchAppErrorSync } from '../../helpers/app-error';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The rules every output breaks, if any: each must hold whatever the input. */
function violations(out: string): string[] {
  const rules: Array<[string, boolean]> = [
    ['empty', out.length === 0],
    ['over 200 bytes', bytes(out) > MAX_SAFE_NAME_BYTES],
    ['separator or Windows-forbidden', /[/\\<>:"|?*\u2044\u2215\u29f8\uff0f\uff3c]/u.test(out)],
    ['control or bidi', /[\p{Cc}\p{Cs}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/u.test(out)],
    ['leading dot or space', /^[.\s]/u.test(out)],
    ['trailing dot or space', /[.\s]$/u.test(out)],
    [
      'Windows device name',
      /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\.|$)/iu.test(out),
    ],
    ['not NFC', out !== out.normalize('NFC')],
  ];
  return rules.filter(([, broken]) => broken).map(([rule]) => rule);
}

function expectSafe(out: string): void {
  expect(violations(out), JSON.stringify(out)).toEqual([]);
}

const CORPUS: Array<[string, string, string]> = [
  ['HTML', '<img src=x onerror=alert(1)>.jpg', '_img src=x onerror=alert(1)_.jpg'],
  ['right-to-left override', '\u202Egnp.exe', 'gnp.exe'],
  ['RLO hiding an extension', 'photo\u202Egpj.exe', 'photogpj.exe'],
  ['bidi isolates and marks', '\u2067a\u2069\u200Fb\u200E.txt', 'ab.txt'],
  ['zero-width space, word joiner and BOM', 'a\u200Bb\u2060c\uFEFF.txt', 'abc.txt'],
  ['soft hyphen', 'in\u00ADvisible', 'invisible'],
  ['zero-width joiner kept inside an emoji sequence', '👩\u200D👧.png', '👩\u200D👧.png'],
  ['parent traversal', '../../etc/passwd', '_.._etc_passwd'],
  ['Windows traversal', '..\\..\\Windows\\System32\\cmd.exe', '_.._Windows_System32_cmd.exe'],
  ['absolute path', '/etc/shadow', '_etc_shadow'],
  ['drive path', 'C:\\Users\\x\\a.doc', 'C__Users_x_a.doc'],
  ['UNC path', '\\\\server\\share\\a', '__server_share_a'],
  ['dot', '.', 'attachment'],
  ['dot dot', '..', 'attachment'],
  ['only dots and spaces', ' . .. . ', 'attachment'],
  ['hidden file', '.bashrc', 'bashrc'],
  ['trailing dots and spaces', 'report.pdf. . ', 'report.pdf'],
  ['NUL', 'a\u0000b.txt', 'ab.txt'],
  ['newlines and tabs', 'line\nbreak\r\ttab.txt', 'linebreaktab.txt'],
  ['C1 control and DEL', 'a\u0085b\u007Fc', 'abc'],
  ['line separator', 'a\u2028b', 'ab'],
  ['Windows device', 'CON', '_CON'],
  ['Windows device with extension', 'nul.txt', '_nul.txt'],
  ['Windows device, any case', 'Com1.log', '_Com1.log'],
  ['Windows device with superscript', 'LPT¹', '_LPT¹'],
  ['Windows device with trailing space', 'aux .txt', '_aux .txt'],
  ['not a device', 'console.txt', 'console.txt'],
  ['Windows forbidden characters', 'a:b*c?d"e|f.txt', 'a_b_c_d_e_f.txt'],
  ['look-alike slashes', 'a\u2215b\uFF0Fc\u2044d', 'a_b_c_d'],
  ['lone surrogate', 'a\uD800b', 'ab'],
  ['decomposed accents become NFC', 'e\u0301te\u0301.txt', '\u00E9t\u00E9.txt'],
  ['runs of spaces', 'a   b\u00A0\u00A0c.txt', 'a b c.txt'],
  ['empty', '', 'attachment'],
  ['ordinary Ukrainian', 'Протокол допиту №3.pdf', 'Протокол допиту №3.pdf'],
];

describe('safeFileName: hostile corpus', () => {
  it.each(CORPUS)('%s', (_name, input, expected) => {
    const out = safeFileName(input);
    expect(out).toBe(expected);
    expectSafe(out);
  });

  it('is idempotent on its own output', () => {
    for (const [, input] of CORPUS)
      expect(safeFileName(safeFileName(input))).toBe(safeFileName(input));
  });
});

describe('safeFileName: length', () => {
  it('a 250-byte Cyrillic name is cut to 200 bytes, whole letters only', () => {
    const out = safeFileName('Ї'.repeat(125));
    expect(out).toBe('Ї'.repeat(100));
    expectSafe(out);
  });

  it('keeps the extension of a long name', () => {
    const out = safeFileName(`${'Фото з підвалу '.repeat(30)}.jpeg`);
    expect(out.endsWith('.jpeg')).toBe(true);
    expect(bytes(out)).toBeLessThanOrEqual(200);
    expectSafe(out);
  });

  it('never splits an emoji sequence or a letter from its accent', () => {
    const family = '👩‍👩‍👧'; // 18 bytes, one grapheme
    const out = safeFileName(family.repeat(20) + '.png');
    expect(out).toBe(family.repeat(10) + '.png');
    // x + COMBINING ACUTE has no precomposed form: 3 bytes per letter, 66 fit in 200.
    expect(safeFileName('x\u0301'.repeat(150))).toBe('x\u0301'.repeat(66));
  });

  it('a long "extension" (or one with spaces) is not an extension', () => {
    const out = safeFileName(`a.${'x'.repeat(300)}`);
    expect(bytes(out)).toBe(200);
    expect(out.startsWith('a.x')).toBe(true);
    expectSafe(out);
  });

  it('a long hostile name stays safe after cutting (no trailing dot or space left by the cut)', () => {
    const out = safeFileName(`${'ab. '.repeat(60)}`);
    expectSafe(out);
  });
});

describe('safeFileName: random inputs', () => {
  it('10,000 random strings of hostile characters all come out safe', () => {
    const alphabet = [
      ...'./\\:*?"<>| \t\n\r\u0000\u007F\u0085.aZЇ€',
      '\u202E',
      '\u2066',
      '\u200B',
      '\uFEFF',
      '\uD800',
      '\uDC00',
      '🙂',
      'e\u0301',
      'CON',
      'lpt1',
      '..',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      let input = '';
      const length = next() % 80;
      for (let j = 0; j < length; j++) input += alphabet[next() % alphabet.length];
      if (i % 50 === 0) input = input.repeat(20);
      const out = safeFileName(input);
      const broken = violations(out);
      if (broken.length > 0)
        failures.push(`${JSON.stringify(input)} -> ${JSON.stringify(out)}: ${broken.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('assertStorableFileName', () => {
  it.each([
    ['empty', ''],
    ['NUL', 'a\u0000'],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate', 'x\uDC00y'],
    ['1025 bytes', 'a'.repeat(1025)],
    ['not a string', 42],
  ])('refuses %s with BAD_INPUT', (_name, name) => {
    expect(catchAppErrorSync(() => assertStorableFileName(name)).code).toBe('BAD_INPUT');
  });

  it.each([
    ['HTML', '<img src=x onerror=alert(1)>.jpg'],
    ['RLO', '\u202Egnp.exe'],
    ['traversal', '../../x'],
    ['control characters', 'a\nb\u0007'],
    ['1024 bytes', 'a'.repeat(1024)],
    ['an emoji (a valid surrogate pair)', '🙂'],
  ])('accepts %s (stored exactly; shown as text)', (_name, name) => {
    expect(() => assertStorableFileName(name)).not.toThrow();
  });
});
