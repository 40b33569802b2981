/**
 * The walking skeleton, end to end in Chromium on the real stack: create a vault, unlock it,
 * create a testimony, type a narrative, watch it autosave, lock, see nothing, unlock, and find
 * the text back exactly. Then prove the narrative reached no file of the run in plaintext.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import { filesChangedSince, scanForMarker } from '../helpers/scan';
import { expect, test } from './rig/fixtures';
import { createVault, PASSPHRASE, recordConsent } from './rig/flows';

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`walking skeleton (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('create, unlock, write, autosave, lock, unlock: text back exactly and nowhere else', async ({
      page,
      rig,
    }, testInfo) => {
      const marker = `МАРКЕР-${randomUUID()}-свідчення`;
      const recordCode = `UA-2026-${lang.toUpperCase()}1`;
      const narrative = `Мене тримали в підвалі три тижні. ${marker}\nДругий рядок: «лапки», апострофи ʼ ’ ', English words too.`;
      const extra = ' Останні слова перед блокуванням.';
      const shot = screenshotter(page, testInfo);

      await page.goto(`${rig.url}/`);
      await expect(page.getByRole('heading', { name: m.vault.createTitle })).toBeVisible();
      await shot('01-create-vault');

      const recoveryKey = await createVault(page, m, () => shot('02-recovery-key'));
      await shot('02b-vault-created');

      // Lock straight away, then unlock: a wrong passphrase first, shown as a typed error.
      await page.getByRole('button', { name: m.vault.lock }).click();
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      await page.getByLabel(m.vault.passphrase, { exact: true }).fill('not the passphrase at all');
      await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(m.errors.WRONG_PASSPHRASE);
      await shot('03-wrong-passphrase');
      await page.getByLabel(m.vault.passphrase, { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
      await expect(page.getByRole('heading', { name: m.testimony.newTitle })).toBeVisible();
      await shot('04-unlocked');

      await page.getByLabel(m.testimony.recordCode).fill(recordCode);
      await page.getByRole('button', { name: m.testimony.create, exact: true }).click();
      await expect(page.getByRole('heading', { name: recordCode })).toBeVisible();
      await shot('05-testimony-created');
      // Nothing but consent can be saved before consent: record it first, as an interviewer does.
      await recordConsent(page, m);

      const editor = page.getByLabel(m.testimony.narrative);
      const status = page.getByRole('status');
      await editor.pressSequentially(narrative.slice(0, 40));
      await expect(status).toHaveAttribute('data-state', /pending|saving/);
      await shot('06-typing-unsaved');
      // Saves held back a moment at the bridge, so that "saving" is seen and captured.
      await page.route('**/ipc', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await editor.fill(narrative);
      await expect(status).toHaveAttribute('data-state', 'saving');
      await expect(status).toContainText(m.save.saving);
      await shot('06b-saving');
      // Waits for held saves to go on: a plain unroute races them ("Route is already handled").
      await page.unrouteAll({ behavior: 'wait' });
      await expect(status).toHaveAttribute('data-state', 'saved');
      await expect(status).toContainText(m.save.savedAt.split('{{')[0]!.trim());
      await shot('07-saved');
      // While the vault is open its write-ahead log holds the newest pages: scan it there too.
      expect(existsSync(join(rig.vaultDir, 'vault.db-wal'))).toBe(true);
      expect(scanForMarker(rig.vaultDir, marker)).toEqual([]);

      // Keystrokes typed just before Ctrl+L are written before the vault closes.
      await editor.press('End');
      await editor.pressSequentially(extra);
      await page.keyboard.press('Control+l');
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      const lockedHtml = await page.content();
      expect(lockedHtml).not.toContain(marker);
      expect(lockedHtml).not.toContain(recordCode);
      await shot('08-locked-shows-nothing');

      await page.getByLabel(m.vault.passphrase, { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
      await page.getByRole('button', { name: recordCode }).click();
      await expect(page.getByLabel(m.testimony.narrative)).toHaveValue(narrative + extra);
      await shot('09-text-back');

      // The recovery key opens the vault too, and it never reached a file either (checked below).
      await page.keyboard.press('Control+l');
      await page.getByRole('button', { name: m.recovery.useKey }).click();
      await page.getByLabel(m.recovery.field).fill(recoveryKey.toLowerCase());
      await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
      await expect(page.getByRole('heading', { name: m.testimony.newTitle })).toBeVisible();
      await shot('10-unlocked-with-recovery-key');

      // Only the app's own origin was ever contacted.
      expect(rig.requests.filter((u) => !u.startsWith(`${rig.url}/`))).toEqual([]);

      // Close Chromium and the vault, then look at every file the run left.
      await page.context().close();
      rig.api.shutdown();
      expect(scanForMarker(rig.root, marker)).toEqual([]);
      expect(scanForMarker(rig.root, recoveryKey)).toEqual([]);
      // The log was written (an empty folder would pass the scan above for nothing).
      expect(statSync(join(rig.logDir, 'svidok.log')).size).toBeGreaterThan(0);
      // Anything the run wrote in the system temp folder since the rig began (Chromium, SQLite,
      // Node), in new folders or old ones.
      const tmpChanged = filesChangedSince(tmpdir(), rig.startedAt);
      expect(tmpChanged.length).toBeGreaterThan(0);
      for (const file of tmpChanged) expect(scanForMarker(file, marker)).toEqual([]);
    });
  });
}

function screenshotter(page: Page, testInfo: TestInfo) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  };
}
