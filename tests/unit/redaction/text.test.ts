import { describe, expect, it } from 'vitest';
import {
  fileNameToken,
  findEntityRanges,
  compileEntities,
  foldForMatch,
  mergeRanges,
  redactText,
  redactionToken,
} from '../../../shared/redaction';

const NAME = '[REDACTED: name]';

describe('redactText: entities', () => {
  it('catches a Cyrillic name in every case', () => {
    const out = redactText(
      'Ковальчук, КОВАЛЬЧУК, ковальчук, КоВаЛьЧуК.',
      [],
      [{ text: 'Ковальчук', category: 'name' }],
    );
    expect(out.text).toBe(`${NAME}, ${NAME}, ${NAME}, ${NAME}.`);
    expect(out.ranges).toHaveLength(4);
  });

  it('treats every apostrophe as the same letter, whichever the entity was typed with', () => {
    const text = "Мар'яна, Марʼяна, МАР’ЯНА, мар‘яна, Мар`яна, Мар′яна.";
    for (const typed of ["Мар'яна", 'Марʼяна', 'МАР’ЯНА']) {
      const out = redactText(text, [], [{ text: typed, category: 'name' }]);
      expect(out.text).toBe(`${NAME}, ${NAME}, ${NAME}, ${NAME}, ${NAME}, ${NAME}.`);
    }
  });

  it('matches across runs of whitespace and invisible characters', () => {
    const out = redactText(
      'Марʼяна \n Ковальчук і Ков\u200Bальчук',
      [],
      [
        { text: 'Мар’яна Ковальчук', category: 'name' },
        { text: 'Ковальчук', category: 'name' },
      ],
    );
    expect(out.text).toBe(`${NAME} і ${NAME}`);
  });

  it('maps offsets back when lower-casing changes the length (İ) and keeps the rest intact', () => {
    // 'İ'.toLowerCase() is two UTF-16 units: a naive index would cut the wrong letters.
    const text = 'İİİ Йосип Ковальчук end';
    const out = redactText(text, [], [{ text: 'ковальчук', category: 'name' }]);
    expect(out.text).toBe(`İİİ Йосип ${NAME} end`);
    expect(out.ranges[0]).toMatchObject({ start: 10, end: 19 });
  });

  it('matches composed and decomposed letters alike (й as и + U+0306)', () => {
    const decomposed = 'Йосип'.normalize('NFD');
    expect(decomposed).not.toBe('Йосип');
    const out = redactText(`${decomposed} і Йосип`, [], [{ text: 'ЙОСИП', category: 'name' }]);
    expect(out.text).toBe(`${NAME} і ${NAME}`);
  });

  it('matches inside longer words (declined names), the safe mistake', () => {
    const out = redactText('у Ковальчуків', [], [{ text: 'Ковальчук', category: 'name' }]);
    expect(out.text).toBe(`у ${NAME}ів`);
  });

  it('leaves a text without matches as it was', () => {
    const out = redactText('Нічого тут немає', [], [{ text: 'Ковальчук', category: 'name' }]);
    expect(out).toEqual({ text: 'Нічого тут немає', ranges: [] });
  });

  it('ignores an entity that folds to nothing instead of matching everywhere', () => {
    expect(compileEntities([{ text: ' \u200B ', category: 'name' }])).toEqual([]);
    expect(
      findEntityRanges('abc', compileEntities([{ text: '\u00AD', category: 'name' }])),
    ).toEqual([]);
  });

  it('finds overlapping occurrences', () => {
    const ranges = findEntityRanges('аааа', compileEntities([{ text: 'аа', category: 'name' }]));
    expect(ranges.map((r) => [r.start, r.end])).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
    ]);
  });
});

describe('redactText: spans', () => {
  it('merges overlapping and adjacent spans into one token listing their categories', () => {
    const text = '0123456789abcdef';
    const out = redactText(
      text,
      [
        { start: 2, end: 5, category: 'place' },
        { start: 4, end: 7, category: 'name' },
        { start: 7, end: 8, category: 'place' },
        { start: 12, end: 14, category: 'contact' },
      ],
      [],
    );
    expect(out.text).toBe('01[REDACTED: name, place]89ab[REDACTED: contact]ef');
    expect(out.ranges).toEqual([
      { start: 2, end: 8, categories: ['name', 'place'], outputStart: 2, outputEnd: 25 },
      { start: 12, end: 14, categories: ['contact'], outputStart: 29, outputEnd: 48 },
    ]);
    for (const r of out.ranges) {
      expect(out.text.slice(r.outputStart, r.outputEnd)).toBe(redactionToken(r.categories));
    }
  });

  it('merges spans with entity hits', () => {
    const out = redactText(
      'тел. Ковальчук 0671234567',
      [{ start: 14, end: 25, category: 'contact' }],
      [{ text: 'ковальчук', category: 'name' }],
    );
    expect(out.text).toBe('тел. [REDACTED: name, contact]');
  });

  it('never leaves half a surrogate pair behind', () => {
    const text = 'a😀b';
    const out = redactText(text, [{ start: 2, end: 3, category: 'other' }], []);
    expect(out.text).toBe('a[REDACTED: other]b');
  });

  it('clamps spans to the text and drops empty ones', () => {
    expect(mergeRanges('abc', [{ start: 2, end: 99, category: 'name' }])).toEqual([
      { start: 2, end: 3, categories: ['name'] },
    ]);
    expect(mergeRanges('abc', [{ start: 5, end: 9, category: 'name' }])).toEqual([]);
  });

  it('uses a file-safe token on request', () => {
    const out = redactText('Ковальчук.jpg', [], [{ text: 'Ковальчук', category: 'name' }], {
      token: fileNameToken,
    });
    expect(out.text).toBe('REDACTED-name.jpg');
  });
});

describe('folding', () => {
  it('folds case, apostrophes, whitespace and invisibles', () => {
    expect(foldForMatch('МАР’ЯНА\t\tКовальчук\u00AD')).toBe(foldForMatch("мар'яна ковальчук"));
    expect(foldForMatch('ΟΔΥΣΣΕΥΣ')).toBe(foldForMatch('οδυσσευς'));
    expect(foldForMatch('Ковальчук')).not.toBe(foldForMatch('Коваленко'));
  });
});
