/**
 * "Open a bundle" through the UI: a bundle sealed by the real services (consent, a Cyrillic
 * narrative, an answered / unknown / declined section, an attachment) is opened with the
 * recipient's age key file (the rig answers the two open dialogs) and shows every check, the
 * verdict, and the testimony read-only. Without a pinned key it is intact but says NOT PINNED; a
 * flipped byte of the file or a changed testimony.json sealed again shows "failed", and the
 * content it could read is marked unverified. Screenshots of every state; axe on each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { consentAnswers, STORE_SCOPES } from '../helpers/consent';
import type { Rig } from './rig/fixtures';
import { expect, test } from './rig/fixtures';
import { createVault, PASSPHRASE } from './rig/flows';

const NARRATIVE =
  'Мене тримали в підвалі біля вокзалу три тижні. Охоронець з позивним «Грім» бив прикладом.';
const CODE = 'UA-OPEN-0001';
const ALL_CHECKS = Object.keys(catalogues.en.openBundle.checks);

async function ok<T>(rig: Rig, channel: string, input: unknown): Promise<T> {
  const result = (await rig.api.dispatch(channel, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value;
}

/** A sealed bundle made by the rig's own services, for a key from the real `age-keygen`. */
async function sealOne(rig: Rig, outside: string) {
  const keyFile = join(outside, 'prosecutor-key.txt');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  const publicKey = /^# public key: (age1[a-z0-9]+)$/m.exec(readFileSync(keyFile, 'utf8'))![1]!;
  await ok(rig, 'recipient:add', {
    name: 'Олена Коваль',
    organisation: 'Офіс Генерального прокурора',
    publicKey,
    recipientClass: 'national_prosecutor',
  });
  const { id } = await ok<{ id: string }>(rig, 'testimony:create', { recordCode: CODE });
  await ok(rig, 'interview:saveSection', {
    testimonyId: id,
    sectionId: 'B',
    answers: consentAnswers([...STORE_SCOPES, 'share_national_prosecutor']),
    baseRevision: 0,
  });
  const section = CURRENT_TEMPLATE.sections.find(
    (s) => s.id !== 'B' && !s.gate && s.fields.filter((f) => f.kind === 'text').length > 0,
  )!;
  const text = section.fields.find((f) => f.kind === 'text')!;
  const [unknown, declined] = section.fields.filter((f) => f.kind !== 'group' && f !== text);
  await ok(rig, 'interview:saveSection', {
    testimonyId: id,
    sectionId: section.id,
    answers: {
      [text.id]: { state: 'answered', value: 'Підвал на вулиці Залізничній' },
      [unknown!.id]: { state: 'unknown' },
      [declined!.id]: { state: 'declined' },
    },
    baseRevision: 0,
  });
  await ok(rig, 'testimony:saveNarrative', { id, narrative: NARRATIVE, baseRevision: 0 });
  const photo = join(outside, 'photo-source');
  writeFileSync(photo, 'фото допиту');
  const attachment = await rig.api.services.attachments.add(id, photo, 'фото допиту.jpg');
  const result = await rig.api.services.exports.exportBundle({
    testimonyIds: [id],
    recipients: [publicKey],
    outDir: outside,
  });
  const { minisign } = await ok<{ minisign: string }>(rig, 'vault:devicePublicKey', {});
  return { path: result.path, bundleId: result.bundleId, keyFile, publicKey, minisign, attachment };
}

function shooter(page: Page, testInfo: TestInfo, lang: string) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${lang}-${name}.png`), fullPage: true });
    const text = await page.evaluate(() => document.body.innerText);
    expect.soft(text.match(/\b(?:openBundle|errors)\.[\w.-]+/g), name).toBeNull();
    const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect.soft(serious, `axe on ${name}`).toEqual([]);
  };
}

/** Opens `bundle` with `keyFile` from the Open bundle screen, pinning `pubkey` when given. */
async function openWith(
  page: Page,
  m: Messages,
  rig: Rig,
  bundle: string,
  keyFile: string,
  pubkey = '',
) {
  await page.getByLabel(m.openBundle.pubkey).fill(pubkey);
  rig.openTargets.push(bundle, keyFile);
  await page.getByRole('button', { name: m.openBundle.choose }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  expect(rig.openTargets).toEqual([]);
}

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`open a bundle (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a sealed bundle opens read-only: every check, the verdict and the Cyrillic narrative', async ({
      page,
      rig,
    }, testInfo) => {
      const shot = shooter(page, testInfo, lang);
      const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-open-'));
      try {
        await page.goto(`${rig.url}/`);
        await createVault(page, m);
        const sealed = await sealOne(rig, outside);

        await page.getByRole('button', { name: m.openBundle.open }).click();
        await expect(
          page.getByRole('heading', { name: m.openBundle.title, level: 1 }),
        ).toBeVisible();
        await shot('01-open-screen');

        // Cancelled at the first dialog: nothing opened, and said so.
        await page.getByRole('button', { name: m.openBundle.choose }).click();
        await expect(page.getByText(m.openBundle.cancelled)).toBeVisible();

        // A mistyped device key is refused before any dialog is asked.
        await page.getByLabel(m.openBundle.pubkey).fill('not a minisign key');
        rig.openTargets.push(sealed.path, sealed.keyFile);
        await page.getByRole('button', { name: m.openBundle.choose }).click();
        await expect(page.getByRole('alert')).toHaveText(m.errors.DEVICE_KEY_INVALID);
        expect(rig.openTargets).toHaveLength(2);
        rig.openTargets.splice(0);

        // Pinned with the key the interviewer sent out of band: verified.
        await openWith(page, m, rig, sealed.path, sealed.keyFile, sealed.minisign);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'verified');
        await expect(page.locator('.verdict-text')).toHaveText(m.openBundle.verdicts.verified);
        const checks = page.locator('.bundle-check-list > li');
        const names = await checks.evaluateAll((items) =>
          items.map((li) => (li as HTMLElement).dataset['check']),
        );
        expect(new Set(names)).toEqual(new Set(ALL_CHECKS));
        await expect(page.locator('.bundle-check-list > li[data-ok="false"]')).toHaveCount(0);
        await expect(checks.first()).toContainText(m.openBundle.checks.decrypt);
        await expect(checks.first()).toContainText(m.openBundle.checkOk);
        await expect(page.getByText(sealed.bundleId).first()).toBeVisible();
        const testimony = page.locator('.opened-testimony');
        await expect(testimony).toContainText(CODE);
        await expect(testimony.locator('.opened-narrative')).toHaveText(NARRATIVE);
        await expect(testimony).toContainText('Підвал на вулиці Залізничній');
        await expect(testimony.locator('.answer-unknown')).toHaveText(m.openBundle.states.unknown);
        await expect(testimony.locator('.answer-declined')).toHaveText(
          m.openBundle.states.declined,
        );
        await expect(testimony).toContainText('фото допиту.jpg');
        await expect(testimony).toContainText(sealed.attachment.sha256);
        await expect(page.locator('.unverified-tag')).toHaveCount(0);
        // Read-only: nothing in the opened bundle can be typed into or ticked.
        await expect(page.locator('.opened-bundle').locator('input, textarea, select')).toHaveCount(
          0,
        );
        await shot('02-verified');

        // Not pinned: intact, and the warning says it proves integrity, not origin.
        await openWith(page, m, rig, sealed.path, sealed.keyFile);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'verified-unpinned');
        await expect(page.locator('.verdict-text')).toHaveText(
          m.openBundle.verdicts['verified-unpinned'],
        );
        await shot('03-verified-unpinned');

        // Another recipient's key file: decrypt fails, and the screen says which key is wrong.
        const stranger = join(outside, 'stranger-key.txt');
        execFileSync('age-keygen', ['-o', stranger], { stdio: 'pipe' });
        await openWith(page, m, rig, sealed.path, stranger, sealed.minisign);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'failed');
        await expect(page.getByText(m.openBundle.decryptHint)).toBeVisible();

        // A flipped byte in the middle of the file: decrypt fails, nothing is shown.
        const flippedPath = join(outside, 'flipped.svidok.age');
        const bytes = readFileSync(sealed.path);
        const middle = Math.floor(bytes.length / 2);
        bytes[middle] = bytes[middle]! ^ 1;
        writeFileSync(flippedPath, bytes);
        await openWith(page, m, rig, flippedPath, sealed.keyFile, sealed.minisign);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'failed');
        await expect(page.locator('li[data-check="decrypt"]')).toHaveAttribute('data-ok', 'false');
        await expect(page.locator('.opened-testimony')).toHaveCount(0);
        await shot('04-failed-age-byte');

        // testimony.json changed and sealed again with the standard tools: manifests fail, and
        // the changed narrative is shown only under "not verified".
        const tar = execFileSync('age', ['-d', '-i', sealed.keyFile, sealed.path]);
        const at = tar.indexOf(Buffer.from('Мене тримали'));
        expect(at).toBeGreaterThan(0);
        Buffer.from('Тебе').copy(tar, at);
        const resealed = join(outside, `${sealed.bundleId}.resealed.svidok.age`);
        execFileSync('age', ['-r', sealed.publicKey, '-o', resealed], { input: tar });
        await openWith(page, m, rig, resealed, sealed.keyFile, sealed.minisign);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'failed');
        await expect(
          page.locator('li[data-check="manifest-sha256"][data-ok="false"]'),
        ).toContainText(`data/testimonies/${CODE}/testimony.json`);
        await expect(page.locator('.opened-narrative')).toContainText('Тебе тримали');
        await expect(page.locator('.opened-testimonies .unverified-tag').first()).toHaveText(
          m.openBundle.unverified,
        );
        await shot('05-failed-resealed');
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });

    test('without a vault, or with it locked: "Open a bundle…" on the vault screen, and back', async ({
      page,
      rig,
    }, testInfo) => {
      const shot = shooter(page, testInfo, lang);
      const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-open-'));
      const entry = page.getByRole('button', { name: m.openBundle.open });
      const back = page.getByRole('button', { name: m.openBundle.back });
      const screenTitle = page.getByRole('heading', { name: m.openBundle.title, level: 1 });
      try {
        // No vault yet: the create screen offers it; cancelled, nothing opened; back again.
        await page.goto(`${rig.url}/`);
        await expect(page.getByRole('heading', { name: m.vault.createTitle })).toBeVisible();
        await expect(page.getByText(m.openBundle.noVault)).toBeVisible();
        await shot('06-no-vault-entry');
        await entry.click();
        await expect(screenTitle).toBeVisible();
        await expect(back).toBeFocused();
        await page.getByRole('button', { name: m.openBundle.choose }).click();
        await expect(page.getByText(m.openBundle.cancelled)).toBeVisible();
        await shot('07-no-vault-open-screen');
        await back.click();
        await expect(page.getByRole('heading', { name: m.vault.createTitle })).toBeVisible();

        // Locked: the unlock screen offers it too, and a bundle opens and verifies there.
        await createVault(page, m);
        const sealed = await sealOne(rig, outside);
        await page.getByRole('button', { name: m.vault.lock }).click();
        await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
        await shot('08-locked-entry');
        // Reached from the keyboard: Tab from the passphrase gets there.
        await expect(page.getByLabel(m.vault.passphrase, { exact: true })).toBeFocused();
        for (let i = 0; i < 8 && !(await entry.evaluate((e) => e === document.activeElement)); i++)
          await page.keyboard.press('Tab');
        await expect(entry).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(screenTitle).toBeVisible();
        await openWith(page, m, rig, sealed.path, sealed.keyFile, sealed.minisign);
        await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'verified');
        await expect(page.locator('.opened-narrative')).toHaveText(NARRATIVE);
        await shot('09-locked-verified');
        // Nothing of the vault was opened for it: back, the vault is still locked.
        await back.click();
        await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
        await expect(page.getByLabel(m.vault.passphrase, { exact: true })).toBeFocused();
        await page.getByLabel(m.vault.passphrase, { exact: true }).fill(PASSPHRASE);
        await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
        await expect(page.getByRole('heading', { name: m.testimony.newTitle })).toBeVisible();

        // Left open on screen, a received bundle closes by itself after the idle time, as a
        // testimony does (the timeout shortened the way the settings control sets it).
        const set = await page.evaluate(() =>
          (
            window as unknown as { svidok: { invoke(c: string, i: unknown): Promise<unknown> } }
          ).svidok.invoke('preferences:update', { idleLockSeconds: 5 }),
        );
        expect(set).toMatchObject({ ok: true, value: { idleLockSeconds: 5 } });
        await page.getByRole('button', { name: m.vault.lock }).click();
        await page.reload();
        await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
        await entry.click();
        await openWith(page, m, rig, sealed.path, sealed.keyFile, sealed.minisign);
        await expect(page.locator('.opened-narrative')).toHaveText(NARRATIVE);
        // No input from here on: the bundle must go by itself.
        await expect(screenTitle).toBeHidden({ timeout: 15_000 });
        await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
        expect(await page.content()).not.toContain(NARRATIVE);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });
}
