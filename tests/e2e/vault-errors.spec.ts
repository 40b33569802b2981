/**
 * A damaged vault seen from the UI: vault.db cut to half its size while locked. Unlocking must
 * name the problem (a typed VAULT_CORRUPT alert in the interviewer's language), must not offer to
 * start over with a new empty vault, and must leave every byte of the damaged files as it was —
 * they are the evidence someone may still recover.
 */
import { readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues } from '../../shared/i18n';
import { snapshotDir } from '../helpers/snapshot';
import { expect, test } from './rig/fixtures';
import { createVault, unlock } from './rig/flows';

// SQLCipher's page size: cutting on a page boundary leaves a database that still looks whole.
const PAGE = 4096;

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`vault errors (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a truncated vault.db: typed VAULT_CORRUPT alert, no new vault offered, files untouched', async ({
      page,
      rig,
    }, testInfo) => {
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await page.getByRole('button', { name: m.vault.lock }).click();
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      // Locked means the database is closed: nothing in main still holds vault.db.
      expect(await rig.api.vault.state()).toBe('locked');

      const database = join(rig.vaultDir, 'vault.db');
      const size = statSync(database).size;
      const half = Math.floor(size / PAGE / 2) * PAGE;
      expect(half).toBeGreaterThan(0);
      truncateSync(database, half);
      const files = readdirSync(rig.vaultDir).sort();
      const before = snapshotDir(rig.vaultDir);

      await unlock(page, m);
      const alert = page.getByRole('alert');
      await expect(alert).toHaveAttribute('data-error-code', 'VAULT_CORRUPT');
      await expect(alert).toHaveText(m.errors.VAULT_CORRUPT);
      await page.screenshot({ path: testInfo.outputPath(`01-vault-corrupt-${lang}.png`) });

      // Still the unlock screen; nowhere a way to make a fresh, empty vault in its place.
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      await expect(page.getByRole('heading', { name: m.vault.createTitle })).toHaveCount(0);
      await expect(page.getByRole('button', { name: m.vault.create })).toHaveCount(0);
      expect(await rig.api.vault.state()).toBe('locked');
      expect(readdirSync(rig.vaultDir).sort()).toEqual(files);
      expect(snapshotDir(rig.vaultDir)).toEqual(before);

      // A second try and a reload change nothing either.
      await unlock(page, m);
      await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'VAULT_CORRUPT');
      await page.reload();
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      await expect(page.getByRole('heading', { name: m.vault.createTitle })).toHaveCount(0);
      expect(snapshotDir(rig.vaultDir)).toEqual(before);
      expect(statSync(database).size).toBe(half);
    });
  });
}
