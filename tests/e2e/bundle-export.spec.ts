/**
 * Sealed bundles through the UI: a recipient's age key is filed on the Recipients screen (its
 * fingerprint shown as the recipient computes it), a testimony is sealed to it, and the real
 * `age` CLI opens the file with the recipient's key into a tar holding the BagIt bag. An export
 * to a kind of recipient the survivor did not consent to is refused, and says so. A large
 * export shows its progress and can be cancelled, leaving nothing in the folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { RecipientClass } from '../../shared/forms/consent';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, recordConsent } from './rig/flows';

/** A fresh age identity, as a recipient makes one: the key file and its public key. */
function ageIdentity(folder: string, name: string): { keyFile: string; publicKey: string } {
  const keyFile = join(folder, `${name}.txt`);
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  const publicKey = /^# public key: (age1[a-z0-9]+)$/m.exec(readFileSync(keyFile, 'utf8'))?.[1];
  if (!publicKey) throw new Error('age-keygen wrote no public key');
  return { keyFile, publicKey };
}

/** What the recipient computes: `printf %s age1… | sha256sum | cut -c1-32`, in groups of 4. */
function expectedFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

/**
 * Screenshots a screen, then checks it: no message key shows instead of its text, and axe finds
 * no serious or critical accessibility violation (soft, so every screen is reported).
 */
function shooter(page: Page, testInfo: TestInfo, lang: string) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${lang}-${name}.png`), fullPage: true });
    const text = await page.evaluate(() => document.body.innerText);
    expect.soft(text.match(/\b(?:recipients|bundles|errors)\.[\w.]+/g), name).toBeNull();
    const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect.soft(serious, `axe on ${name}`).toEqual([]);
  };
}

/** Files a recipient through the Recipients screen; returns the fingerprint the app showed. */
async function addRecipient(
  page: Page,
  m: Messages,
  r: { name: string; organisation: string; cls: RecipientClass; publicKey: string },
  beforeDone?: () => Promise<unknown>,
): Promise<string> {
  await page.getByRole('button', { name: m.recipients.open, exact: true }).click();
  await expect(page.getByRole('heading', { name: m.recipients.title, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: m.recipients.add }).click();
  const form = page.getByRole('dialog', { name: m.recipients.addTitle });
  await form.getByLabel(m.recipients.name, { exact: true }).fill(r.name);
  await form.getByLabel(m.recipients.organisation, { exact: true }).fill(r.organisation);
  await form.getByLabel(m.recipients.class).selectOption(r.cls);
  // Pasted with the newline a copy from a terminal brings along.
  await form.getByLabel(m.recipients.key).fill(`${r.publicKey}\n`);
  await form.getByRole('button', { name: m.recipients.save }).click();
  const added = page.getByRole('dialog', { name: m.recipients.addedTitle });
  await expect(added.getByText(m.recipients.compare)).toBeVisible();
  const fingerprint = (await added.locator('.fingerprint').textContent()) ?? '';
  await beforeDone?.();
  await added.getByRole('button', { name: m.recipients.done }).click();
  await expect(added).toBeHidden();
  return fingerprint;
}

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`sealed bundles (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test("a bundle sealed through the UI opens with the recipient's age key, as a BagIt tar", async ({
      page,
      rig,
    }, testInfo) => {
      const shot = shooter(page, testInfo, lang);
      const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-bundle-'));
      try {
        const prosecutor = ageIdentity(outside, 'prosecutor');
        const code = `SEAL-${lang.toUpperCase()}-1`;
        await page.goto(`${rig.url}/`);
        await createVault(page, m);
        await createTestimony(page, m, code, { consent: false });
        await recordConsent(page, m, [
          'interview',
          'store_identifying',
          'share_national_prosecutor',
        ]);

        // Typed wrong first: the key's checksum fails, and the interviewer is told so.
        await page.getByRole('button', { name: m.recipients.open, exact: true }).click();
        await page.getByRole('button', { name: m.recipients.add }).click();
        const form = page.getByRole('dialog', { name: m.recipients.addTitle });
        await form.getByLabel(m.recipients.name, { exact: true }).fill('Олена Коваль');
        await form.getByLabel(m.recipients.organisation, { exact: true }).fill('Офіс Генпрокурора');
        const typo = prosecutor.publicKey.endsWith('q') ? 'p' : 'q';
        await form.getByLabel(m.recipients.key).fill(prosecutor.publicKey.slice(0, -1) + typo);
        await form.getByRole('button', { name: m.recipients.save }).click();
        await expect(form.getByRole('alert')).toHaveText(m.errors.RECIPIENT_KEY_INVALID);
        await shot('01-recipient-key-invalid');
        await form.getByRole('button', { name: m.app.cancel }).click();

        const name = 'Олена Коваль';
        const organisation = 'Офіс Генерального прокурора';
        const fingerprint = await addRecipient(
          page,
          m,
          { name, organisation, cls: 'national_prosecutor', publicKey: prosecutor.publicKey },
          () => shot('02-recipient-added'),
        );
        expect(fingerprint).toBe(expectedFingerprint(prosecutor.publicKey));
        const card = page.locator('.recipient-card');
        await expect(card).toHaveCount(1);
        await expect(card.locator('.fingerprint')).toHaveText(fingerprint);
        await expect(card).toContainText(m.recipients.classes.national_prosecutor);
        // This device's key, for the recipient to pin: the minisign .pub file's two lines.
        const deviceKey = page.locator('.device-key-text');
        await expect(deviceKey).toContainText('untrusted comment: minisign public key');
        await page.getByRole('button', { name: m.recipients.copy }).click();
        // Copied, or (no clipboard in this sandbox) selected for Ctrl+C.
        const copyNote = page.locator('.device-key [role="status"]');
        await expect(copyNote).toBeVisible();
        expect([m.recipients.copied, m.recipients.selected]).toContain(
          await copyNote.textContent(),
        );
        if ((await copyNote.textContent()) === m.recipients.selected) {
          expect(await page.evaluate(() => window.getSelection()?.toString())).toContain(
            'untrusted comment: minisign public key',
          );
        }
        await shot('03-recipients-screen');
        // The other language, at once, and back: nothing on the screen is left untranslated.
        const other = catalogues[lang === 'uk' ? 'en' : 'uk'];
        const switcher = page.getByRole('group', { name: m.app.language });
        await switcher.locator(`button[lang="${lang === 'uk' ? 'en' : 'uk'}"]`).click();
        await expect(
          page.getByRole('heading', { name: other.recipients.title, level: 1 }),
        ).toBeVisible();
        await expect(card).toContainText(other.recipients.classes.national_prosecutor);
        await expect(page.getByRole('button', { name: other.recipients.copy })).toBeVisible();
        await page
          .getByRole('group', { name: other.app.language })
          .locator(`button[lang="${lang}"]`)
          .click();
        await expect(
          page.getByRole('heading', { name: m.recipients.title, level: 1 }),
        ).toBeVisible();

        // The same key again is refused.
        await page.getByRole('button', { name: m.recipients.add }).click();
        await form.getByLabel(m.recipients.name, { exact: true }).fill('Двійник');
        await form.getByLabel(m.recipients.organisation, { exact: true }).fill('Десь');
        await form.getByLabel(m.recipients.key).fill(prosecutor.publicKey);
        await form.getByRole('button', { name: m.recipients.save }).click();
        await expect(form.getByRole('alert')).toHaveText(m.errors.DUPLICATE_RECIPIENT);
        await page.keyboard.press('Escape');
        await expect(form).toBeHidden();

        // Seal from the open testimony.
        await page.getByRole('button', { name: code }).click();
        await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
        const dialog = page.getByRole('dialog', { name: m.bundles.title });
        await expect(dialog.getByRole('checkbox', { name: code })).toBeChecked();
        await dialog.getByRole('checkbox', { name: `${name} · ${organisation}` }).check();
        await dialog.getByRole('radio', { name: m.bundles.languages[lang] }).check();
        await expect(dialog.locator('.export-summary li')).toHaveText(
          m.bundles.summaryLine.replace('{{code}}', code).replace('{{count}}', '0'),
        );
        await expect(dialog.locator('.banner-consent')).toHaveCount(0);
        await shot('04-export-dialog');

        // The save dialog cancelled: back to the form, nothing written, no error.
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        await expect(
          dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }),
        ).toBeEnabled();
        await expect(dialog.getByRole('alert')).toHaveCount(0);
        expect(readdirSync(outside).filter((f) => f.endsWith('.age'))).toEqual([]);

        rig.saveTargets.push(outside);
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        const result = page.getByRole('dialog', { name: m.bundles.resultTitle });
        await expect(result.getByText(m.bundles.noteSha)).toBeVisible({ timeout: 30_000 });
        await shot('05-export-result');
        const bundleId = (await result.locator('[data-field="bundle-id"]').textContent()) ?? '';
        const path = (await result.locator('[data-field="path"]').textContent()) ?? '';
        const sha256 = (await result.locator('[data-field="sha256"]').textContent()) ?? '';
        expect(path).toBe(join(outside, `${bundleId}.svidok.age`));
        expect(sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
        await result.getByRole('button', { name: m.app.close }).click();
        await expect(result).toBeHidden();
        await expect(
          page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }),
        ).toBeFocused();

        // The recipient's side, with standard tools only.
        const tarFile = join(outside, 'bundle.tar');
        execFileSync('age', ['-d', '-i', prosecutor.keyFile, '-o', tarFile, path]);
        const entries = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).split('\n');
        expect(entries).toContain(`${bundleId}/bagit.txt`);
        expect(entries.some((e) => e.startsWith(`${bundleId}/data/`))).toBe(true);
        expect(basename(path)).toBe(`${bundleId}.svidok.age`);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });

    test('sealing for a kind of recipient the survivor did not consent to is refused (CONSENT_REQUIRED)', async ({
      page,
      rig,
    }, testInfo) => {
      const shot = shooter(page, testInfo, lang);
      const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-bundle-'));
      try {
        const icc = ageIdentity(outside, 'icc');
        const code = `SEAL-${lang.toUpperCase()}-2`;
        await page.goto(`${rig.url}/`);
        await createVault(page, m);
        await createTestimony(page, m, code, { consent: false });
        // Consent to Ukrainian prosecutors only, not to the ICC.
        await recordConsent(page, m, [
          'interview',
          'store_identifying',
          'share_national_prosecutor',
        ]);
        const name = 'ICC OTP Intake';
        const organisation = 'International Criminal Court';
        await addRecipient(page, m, {
          name,
          organisation,
          cls: 'icc_otp',
          publicKey: icc.publicKey,
        });

        await page.getByRole('button', { name: code }).click();
        await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
        const dialog = page.getByRole('dialog', { name: m.bundles.title });
        await dialog.getByRole('checkbox', { name: `${name} · ${organisation}` }).check();
        // Warned before sealing, naming the testimony and the consent that is missing.
        const warning = dialog.locator('.banner-consent');
        await expect(warning).toContainText(code);
        await expect(warning).toContainText(m.bundles.consentFix);
        rig.saveTargets.push(outside);
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        await expect(dialog.getByRole('alert')).toHaveText(m.bundles.errors.CONSENT_REQUIRED);
        await expect(dialog.getByRole('alert')).toHaveAttribute(
          'data-error-code',
          'CONSENT_REQUIRED',
        );
        await shot('06-consent-refused');
        // Refused before the save dialog was asked: the folder was not offered, nothing written.
        expect(rig.saveTargets).toEqual([outside]);
        expect(readdirSync(outside).filter((f) => f.endsWith('.age'))).toEqual([]);
        // Escape closes the dialog; the focus goes back to the button that opened it.
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(
          page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }),
        ).toBeFocused();
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });
}

/** A file of `mib` MiB (one random MiB repeated: age has nothing to compress anyway). */
function largeFile(path: string, mib: number): void {
  const chunk = randomBytes(1 << 20);
  const fd = openSync(path, 'wx', 0o600);
  try {
    for (let i = 0; i < mib; i++) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

test.describe('sealed bundles: progress and cancel', () => {
  const m = catalogues.uk;

  test('a large export shows bytes and files, and Cancel leaves nothing in the folder (EXPORT_CANCELLED)', async ({
    page,
    rig,
  }, testInfo) => {
    test.setTimeout(120_000);
    const shot = shooter(page, testInfo, 'uk');
    const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-bundle-'));
    try {
      const prosecutor = ageIdentity(outside, 'prosecutor');
      const code = 'SEAL-UK-BIG';
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, code, { consent: false });
      await recordConsent(page, m, ['interview', 'store_identifying', 'share_national_prosecutor']);
      const name = 'Олена Коваль';
      const organisation = 'Офіс Генерального прокурора';
      await addRecipient(page, m, {
        name,
        organisation,
        cls: 'national_prosecutor',
        publicKey: prosecutor.publicKey,
      });
      // Large enough that sealing takes seconds here; attached through the services directly.
      const video = join(rig.root, 'interview.mp4');
      largeFile(video, 320);
      const testimony = rig.api.services.testimonies.list().find((t) => t.recordCode === code);
      await rig.api.services.attachments.add(testimony!.id, video, 'interview.mp4');

      await page.getByRole('button', { name: code }).click();
      await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
      const dialog = page.getByRole('dialog', { name: m.bundles.title });
      await dialog.getByRole('checkbox', { name: `${name} · ${organisation}` }).check();
      await expect(dialog.locator('.export-summary li')).toHaveText(
        m.bundles.summaryLine.replace('{{code}}', code).replace('{{count}}', '1'),
      );
      rig.saveTargets.push(outside);
      await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();

      // Determinate once main has reported bytes: "Запечатано 12,3 МБ з 336,0 МБ · файлів: 3".
      const cancel = dialog.getByRole('button', { name: m.bundles.cancelSealing });
      await expect(cancel).toBeFocused();
      const bar = dialog.getByRole('progressbar', { name: m.bundles.progressLabel });
      await expect(bar).toHaveAttribute('value', /^[1-9]\d*$/);
      const counts = dialog.locator('.sealing-counts');
      const [before, after] = m.bundles.progressOf.split('{{done}}');
      await expect(counts).toContainText(before!);
      await expect(counts).toContainText(after!.split('{{total}}')[0]!);
      await page.screenshot({ path: testInfo.outputPath('uk-07-sealing-progress.png') });
      await page.keyboard.press('Enter');

      await expect(dialog.getByRole('status').filter({ hasText: m.bundles.cancelled })).toBeVisible(
        { timeout: 30_000 },
      );
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await expect(
        dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }),
      ).toBeFocused();
      await shot('08-sealing-cancelled');
      // Nothing in the folder but the recipient's key: no bundle, no temp file.
      expect(readdirSync(outside)).toEqual(['prosecutor.txt']);
      expect(
        rig.api.services.custody.entries().filter((e) => e.action === 'bundle.exported'),
      ).toEqual([]);
      expect((await rig.api.dispatch('bundle:progress', {})).ok).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
