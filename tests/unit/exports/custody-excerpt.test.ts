/**
 * The custody excerpt of a bundle: vault-level entries and the exported testimonies' travel whole;
 * each maximal run about other testimonies becomes one {"omitted","prev","hash"} line, so the
 * chain still links end to end and nothing about the others leaks. And attachment names in a
 * bag folder never collide, not even case-folded.
 */
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../electron/main/custody';
import type { CustodyEntry } from '../../../electron/main/custody';
import { custodyExcerptLines, uniqueName } from '../../../electron/main/exports';

function chain(testimonies: Array<string | null>): CustodyEntry[] {
  let prev = GENESIS_HASH;
  return testimonies.map((testimony, i) => {
    const hash = String(i + 1).padStart(64, 'a');
    const entry = {
      v: 1,
      seq: i + 1,
      id: `id-${i + 1}`,
      at: '2026-01-01T00:00:00.000Z',
      vault: 'vault',
      action: 'testimony.revised',
      testimony,
      attachment: null,
      details: {},
      prev,
      key: 'k',
      hash,
      sig: 's',
    } as CustodyEntry;
    prev = hash;
    return entry;
  });
}

describe('custody excerpt', () => {
  it('collapses runs about other testimonies into linked, key-sorted omitted lines', () => {
    const entries = chain([null, 'other', 'other', 'mine', 'other2', null, 'other']);
    const lines = custodyExcerptLines(entries, new Set(['mine'])).map(
      (l) => JSON.parse(l) as Record<string, unknown>,
    );
    expect(lines.map((l) => l['seq'] ?? l['omitted'])).toEqual([1, [2, 3], 4, [5, 5], 6, [7, 7]]);
    expect(custodyExcerptLines(entries, new Set(['mine']))[1]).toBe(
      `{"hash":"${entries[2]!.hash}","omitted":[2,3],"prev":"${entries[1]!.prev}"}`,
    );
    let prev = GENESIS_HASH;
    for (const line of lines) {
      expect(line['prev']).toBe(prev);
      prev = line['hash'] as string;
    }
    expect(JSON.stringify(lines)).not.toContain('other');
  });

  it('in a redacted bundle, omits its own entries that hash content, and still links', () => {
    const entries = chain([null, 'mine', 'mine', 'mine', null]).map((e, i) =>
      i === 2 ? { ...e, action: 'testimony.created' as const } : e,
    );
    const lines = custodyExcerptLines(entries, new Set(['mine']), new Set(['mine'])).map(
      (l) => JSON.parse(l) as Record<string, unknown>,
    );
    expect(lines.map((l) => l['seq'] ?? l['omitted'])).toEqual([1, [2, 2], 3, [4, 4], 5]);
    let prev = GENESIS_HASH;
    for (const line of lines) {
      expect(line['prev']).toBe(prev);
      prev = line['hash'] as string;
    }
    // Not redacted: every entry of the testimony travels.
    expect(custodyExcerptLines(entries, new Set(['mine']))).toHaveLength(5);
  });

  it('is the whole chain when every testimony is exported', () => {
    const entries = chain([null, 'a', 'b']);
    expect(custodyExcerptLines(entries, new Set(['a', 'b']))).toHaveLength(3);
  });
});

describe('attachment names in a bag folder', () => {
  it('are safe and unique, case-folded, with a suffix before the extension', () => {
    const used = new Set<string>();
    expect(uniqueName('фото.jpg', used)).toBe('фото.jpg');
    expect(uniqueName('ФОТО.jpg', used)).toBe('ФОТО-2.jpg');
    expect(uniqueName('фото.jpg', used)).toBe('фото-3.jpg');
    expect(uniqueName('../../etc/passwd', used)).not.toMatch(/\/|^\./);
    expect(uniqueName('50%.txt', used)).toBe('50_.txt');
    const long = `${'я'.repeat(150)}.pdf`;
    const first = uniqueName(long, used);
    const second = uniqueName(long, used);
    expect(second).not.toBe(first);
    expect(second.endsWith('-2.pdf')).toBe(true);
  });
});
