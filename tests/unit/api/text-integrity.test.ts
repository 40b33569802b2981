/**
 * Threat: text that changes on its way into the vault. A lone surrogate would be stored as
 * U+FFFD (the testimony read back differs from the one typed); a record code typed with
 * combining marks would make two codes that look the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApi, ok, err } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import type { TestApi } from '../../helpers/api';
import { createTempDirs } from '../../helpers/temp';
import { PASSPHRASE } from '../../helpers/kdf';

const temp = createTempDirs('svidok-text-');
let t: TestApi;

beforeEach(async () => {
  t = startApi(`${temp.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(() => {
  t.api.shutdown();
  temp.cleanup();
});

describe('text integrity at the boundary', () => {
  it('refuses a narrative with a lone surrogate instead of storing a different text', async () => {
    const { id } = ok(await t.call('testimony:create', { recordCode: 'T-1' }));
    await recordConsent(t.api, id);
    for (const broken of ['abc\uD800', '\uDC00xyz', 'a\uDBFFb']) {
      const result = await t.call('testimony:saveNarrative', {
        id,
        narrative: broken,
        baseRevision: 0,
      });
      expect(err(result).code).toBe('BAD_INPUT');
    }
    const paired = 'Свідок 👩🏽‍⚕️ \uD83D\uDE00';
    ok(await t.call('testimony:saveNarrative', { id, narrative: paired, baseRevision: 0 }));
    expect(ok(await t.call('testimony:get', { id })).narrative).toBe(paired);
  });

  it('stores record codes in NFC, so a decomposed code is the same code as the composed one', async () => {
    const composed = 'Київ-й-1';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const created = ok(await t.call('testimony:create', { recordCode: decomposed }));
    expect(created.recordCode).toBe(composed);
    expect(err(await t.call('testimony:create', { recordCode: composed })).code).toBe(
      'DUPLICATE_RECORD_CODE',
    );
  });
});
