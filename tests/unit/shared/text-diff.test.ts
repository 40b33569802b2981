import { describe, expect, it } from 'vitest';
import { diffWords, sides } from '../../../shared/text-diff';

describe('diffWords', () => {
  it('marks a replaced word and keeps the rest', () => {
    expect(diffWords('Мене тримали в підвалі.', 'Мене тримали в камері.')).toEqual([
      { kind: 'same', text: 'Мене тримали в ' },
      { kind: 'removed', text: 'підвалі.' },
      { kind: 'added', text: 'камері.' },
    ]);
  });

  it('finds insertions in the middle and deletions at the end', () => {
    const parts = diffWords('один два три чотири', 'один півтора два три');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['півтора']);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['чотири']);
  });

  it('gives both texts back exactly, whitespace and newlines included', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['', 'нове'],
      ['старе', ''],
      ['a  b\n\nc ', 'a b\n\nc d\t'],
      ['Перший рядок.\nДругий рядок.', 'Перший рядок.\nВставка.\nДругий рядок!'],
    ];
    for (const [before, after] of cases) {
      expect(sides(diffWords(before, after))).toEqual({ before, after });
    }
  });

  it('stays bounded on large, entirely different texts', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(a, b);
    expect(parts.map((p) => p.kind)).toEqual(['removed', 'added']);
    expect(sides(parts)).toEqual({ before: a, after: b });
  });
});
