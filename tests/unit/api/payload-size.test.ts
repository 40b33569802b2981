/**
 * exceedsSize bounds an untrusted input before any schema walks it. Its estimate must never
 * under-count (or a renderer could slip a large input past the bound), must stay within a small
 * factor of the real size (or ordinary inputs would be refused), and must stop on deep or cyclic
 * structures without recursing.
 */
import { describe, expect, it } from 'vitest';
import { exceedsSize } from '../../../electron/main/api';

/** The UTF-8 size of the value as JSON: what a transport would carry. */
const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const SAMPLES: Array<[string, unknown]> = [
  ['an empty object', {}],
  ['an ASCII string', 'correct horse battery staple'],
  ['a Cyrillic string', 'Мене тримали в підвалі три тижні.'],
  ['emoji (surrogate pairs)', '👩🏽‍⚕️🇺🇦'.repeat(20)],
  ['characters JSON escapes', '"\\\n\t'.repeat(10)],
  [
    'a narrative input',
    { id: 'x'.repeat(36), narrative: 'Свідчення. '.repeat(500), baseRevision: 3 },
  ],
  ['many small keys', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, true]))],
  ['nested arrays of strings', [['a', ['b', ['c', 'Ж'.repeat(100)]]]]],
  ['null and booleans', { a: null, b: false, c: [true, null] }],
];

describe('exceedsSize', () => {
  it.each(SAMPLES)(
    'never under-counts %s: a limit one byte under its JSON size is exceeded',
    (_n, value) => {
      const size = jsonBytes(value);
      expect(exceedsSize(value, size - 1)).toBe(true);
    },
  );

  it.each(SAMPLES)('does not over-count %s by more than 3x (plus a little)', (_n, value) => {
    expect(exceedsSize(value, 3 * jsonBytes(value) + 64)).toBe(false);
  });

  it('is monotonic in the limit', () => {
    const value = { narrative: 'Ж'.repeat(1000), id: 'x' };
    let previous = true;
    for (let limit = 0; limit < 8000; limit += 97) {
      const now = exceedsSize(value, limit);
      // Once within the limit, a larger limit never says "exceeds" again.
      if (!previous) expect(now).toBe(false);
      previous = now;
    }
    expect(previous).toBe(false);
  });

  it('counts binary data by its byte length', () => {
    const limit = 16 * 1024;
    expect(exceedsSize(new Uint8Array(limit + 1), limit)).toBe(true);
    expect(exceedsSize({ file: new Uint8Array(limit + 1) }, limit)).toBe(true);
    expect(exceedsSize(new ArrayBuffer(limit + 1), limit)).toBe(true);
    expect(exceedsSize(new Float64Array(limit), limit)).toBe(true);
    expect(exceedsSize(new Uint8Array(16), limit)).toBe(false);
  });

  it('a wide array of small values is exceeded', () => {
    expect(exceedsSize(new Array(100_000).fill(0), 16 * 1024)).toBe(true);
    expect(exceedsSize(new Array(100_000).fill(null), 16 * 1024)).toBe(true);
  });

  it('deep nesting is exceeded however small, and 100 000 levels do not overflow the stack', () => {
    const nest = (depth: number): unknown => {
      let v: unknown = 1;
      for (let i = 0; i < depth; i++) v = { a: v };
      return v;
    };
    expect(exceedsSize(nest(8), 1_000_000)).toBe(false);
    expect(exceedsSize(nest(100), 1_000_000)).toBe(true);
    expect(exceedsSize(nest(100_000), 1_000_000)).toBe(true);
    let arrays: unknown = [];
    for (let i = 0; i < 100_000; i++) arrays = [arrays];
    expect(exceedsSize(arrays, 1_000_000)).toBe(true);
  });

  it('a cyclic structure terminates and is exceeded', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(exceedsSize(a, 1_000_000)).toBe(true);
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) wide[`k${i}`] = wide;
    expect(exceedsSize(wide, 1_000_000)).toBe(true);
  });

  it('a shared (non-cyclic) sub-object is counted each time it is reachable', () => {
    const shared = { s: 'x'.repeat(1000) };
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, shared]));
    expect(exceedsSize(shared, 4000)).toBe(false);
    expect(exceedsSize(many, 4000)).toBe(true);
  });

  it('a zero limit is exceeded by anything', () => {
    for (const value of [undefined, null, '', 0, {}, []]) expect(exceedsSize(value, 0)).toBe(true);
  });
});
