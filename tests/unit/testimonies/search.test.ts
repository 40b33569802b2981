/** Search finds the current text of a testimony by any part of a word, and only the current. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_END, SNIPPET_START, excerptParts } from '../../../shared/search';
import { err, ok, startApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import type { TestApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const temp = createTempDirs('svidok-search-');
let t: TestApi;

beforeEach(async () => {
  t = startApi(`${temp.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(() => {
  t.api.shutdown();
  temp.cleanup();
});

async function testimony(code: string, ...texts: string[]) {
  const { id } = ok(await t.call('testimony:create', { recordCode: code }));
  await recordConsent(t.api, id);
  for (const [i, narrative] of texts.entries()) {
    ok(await t.call('testimony:saveNarrative', { id, narrative, baseRevision: i }));
  }
  return id;
}

const codes = async (query: string) =>
  ok(await t.call('testimony:search', { query })).items.map((i) => i.recordCode);

describe('testimony search', () => {
  it('matches inflected forms by their common part, in any case', async () => {
    await testimony('A', 'Мене тримали в підвалі без світла.');
    await testimony('B', 'Підвалом називали камеру під штабом.');
    await testimony('C', 'Допитували щодня, били.');
    expect((await codes('підвал')).sort()).toEqual(['A', 'B']);
    expect(await codes('ДОПИТ')).toEqual(['C']);
    expect(await codes('немає такого')).toEqual([]);
  });

  it('searches only the current text: an edited-out word is no longer found', async () => {
    await testimony('A', 'Тримали в камері.', 'Тримали в підвалі.');
    expect(await codes('камер')).toEqual([]);
    expect(await codes('підвал')).toEqual(['A']);
  });

  it('marks the match in the excerpt, and quotes in the query are only text', async () => {
    await testimony('A', 'Він сказав: "мовчи" і пішов.');
    const [hit] = ok(await t.call('testimony:search', { query: '"мовчи"' })).items;
    expect(hit?.excerpt).toContain(`${SNIPPET_START}`);
    expect(
      excerptParts(hit!.excerpt)
        .filter((p) => p.match)
        .map((p) => p.text)
        .join(''),
    ).toContain('мовчи');
    expect(hit!.excerpt.includes(SNIPPET_END)).toBe(true);
    for (const hostile of ['a" OR "b', 'NEAR(abc def)', '*** ---']) {
      expect(ok(await t.call('testimony:search', { query: hostile })).items).toEqual([]);
    }
  });

  it('refuses queries under 3 characters and is locked with the vault', async () => {
    expect(err(await t.call('testimony:search', { query: 'аб' })).code).toBe('BAD_INPUT');
    ok(await t.call('vault:lock', {}));
    expect(err(await t.call('testimony:search', { query: 'абв' })).code).toBe('VAULT_LOCKED');
  });
});
