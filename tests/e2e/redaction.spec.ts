/**
 * Redaction through the UI (issue 6's e2e acceptance): from an open testimony to "Redact for
 * sharing", a passage of the free account is marked, a whole answer removed, a name removed
 * everywhere (typed with one apostrophe, found in the text with the two others and in capitals),
 * a suggested phone number taken in one click, and black boxes drawn on a photo. The preview
 * beside the original then holds the tokens and none of the removed strings — not hidden, absent
 * — while the vault's original is untouched. A text edited after it was marked flags its mark as
 * stale. Sealing: the full profile is refused for an NGO (PROFILE_NOT_ALLOWED), a stale mark
 * refuses the redacted one (REDACTION_STALE), and the redacted bundle that is sealed at last
 * carries none of the removed strings in its testimony.json. uk and en; screenshots and axe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { consentAnswers, STORE_SCOPES } from '../helpers/consent';
import { expect, test } from './rig/fixtures';
import type { Rig } from './rig/fixtures';
import { createTestimony, createVault } from './rig/flows';
import { screenChecker } from './rig/screen-checks';

// The name three ways: ASCII apostrophe, modifier letter apostrophe (U+02BC) in capitals, and in
// section C with U+02BC; the interviewer types it with the typographic one (U+2019).
const NAME_TYPED = 'Мар’яна';
const PLACE = 'вулиці Садовій, 12';
const PHONE = '+380 67 123 45 67';
const UNIT = 'з 6-ї роти охорони';
const NARRATIVE = `Мене звати Мар'яна. Мене тримали в підвалі на ${PLACE}. Рідні дзвонили на ${PHONE}, але ніхто не відповів. МАРʼЯНА — так кричав охоронець.`;
const CIRCUMSTANCES = `Мар'яна вийшла по воду, і її схопили на блокпосту.`;
/** What must not be anywhere in the shared copy. */
const REMOVED = [
  "Мар'яна",
  'МАРʼЯНА',
  'Марʼяна',
  NAME_TYPED,
  'Садовій',
  '123 45 67',
  '6-ї роти',
  'Коваленко',
];

async function ok<T>(rig: Rig, channel: string, input: unknown): Promise<T> {
  const result = (await rig.api.dispatch(channel, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value;
}

/** The testimony's texts, saved through the channels the app uses; consent first. */
async function fillTestimony(rig: Rig, code: string, photo: string) {
  const id = rig.api.services.testimonies.list().find((t) => t.recordCode === code)!.id;
  const answered = (value: string) => ({ state: 'answered' as const, value });
  await ok(rig, 'interview:saveSection', {
    testimonyId: id,
    sectionId: 'B',
    answers: consentAnswers([...STORE_SCOPES, 'share_ngo', 'share_national_prosecutor']),
    baseRevision: 0,
  });
  await ok(rig, 'interview:saveSection', {
    testimonyId: id,
    sectionId: 'C',
    answers: { name_uk: answered('Коваленко Марʼяна Петрівна') },
    baseRevision: 0,
  });
  await ok(rig, 'interview:saveSection', {
    testimonyId: id,
    sectionId: 'E',
    answers: { circumstances: answered(CIRCUMSTANCES), force_unit: answered(UNIT) },
    baseRevision: 0,
  });
  await ok(rig, 'testimony:saveNarrative', { id, narrative: NARRATIVE, baseRevision: 0 });
  await rig.api.services.attachments.add(id, photo, 'фото-Марʼяна.png');
  return id;
}

/** Selects `words` in a marked text, as Shift and the arrow keys would. */
async function select(area: Locator, words: string) {
  await area.evaluate((el, w) => {
    const t = el as HTMLTextAreaElement;
    const start = t.value.indexOf(w);
    if (start < 0) throw new Error(`not in the text: ${w}`);
    t.focus();
    t.setSelectionRange(start, start + w.length);
  }, words);
}

function field(page: Page, path: string): Locator {
  return page.locator(`.redaction-original .redaction-field[data-path="${path}"]`);
}

for (const lang of ['uk', 'en'] as const) {
  const m: Messages = catalogues[lang];

  test.describe(`redaction (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a span, a whole answer and a name everywhere: the preview holds tokens, not the strings', async ({
      page,
      rig,
    }, testInfo) => {
      test.setTimeout(120_000);
      const checker = screenChecker(page, testInfo);
      const shot = async (name: string) => {
        await page.screenshot({
          path: testInfo.outputPath(`${lang}-${name}.png`),
          fullPage: true,
        });
        await checker.check(name);
      };
      const outside = mkdtempSync(join(tmpdir(), 'svidok-e2e-redact-'));
      try {
        const photo = join(outside, 'photo.png');
        await sharp({
          create: { width: 640, height: 480, channels: 3, background: '#7a9cc6' },
        })
          .png()
          .toFile(photo);
        const code = `RED-${lang.toUpperCase()}-1`;
        await page.goto(`${rig.url}/`);
        await createVault(page, m);
        await createTestimony(page, m, code, { consent: false });
        const id = await fillTestimony(rig, code, photo);
        // Opened again, so the screen reads what was just saved.
        await page.getByRole('button', { name: m.recipients.open, exact: true }).click();
        await page.getByRole('button', { name: code }).click();

        await page
          .locator('.interview-head')
          .getByRole('button', { name: m.redaction.open })
          .click();
        const title = page.getByRole('heading', { name: m.redaction.title, level: 1 });
        await expect(title).toBeVisible();
        await expect(title).toBeFocused();
        const output = page.getByTestId('redaction-output');
        // Before anything is marked, the redacted profile removes only section C (identifying).
        await expect(output).toContainText('Садовій');
        await expect(output).not.toContainText('Коваленко');
        await shot('01-redaction-start');

        // 1. A passage of the free account, as a place, with a reason.
        const options = page.getByRole('group', { name: m.redaction.markOptions });
        await options.getByLabel(m.redaction.category).selectOption('place');
        await options.getByLabel(m.redaction.reason).fill('адреса родини');
        const narrative = field(page, 'narrative');
        // Nothing selected yet: said so, nothing added.
        await narrative.getByRole('button', { name: m.redaction.redactSelection }).click();
        await expect(narrative.getByRole('alert')).toHaveText(m.redaction.noSelection);
        await select(narrative.locator('textarea'), PLACE);
        await narrative.getByRole('button', { name: m.redaction.redactSelection }).click();
        await expect(output).toContainText('[REDACTED: place]');
        await expect(output).not.toContainText('Садовій');
        await expect(narrative.locator('textarea')).toBeFocused();
        await expect(narrative.locator('mark.marked-span')).toHaveText(PLACE);

        // 2. A whole answer: the capturing unit.
        await options.getByLabel(m.redaction.category).selectOption('unit');
        await options.getByLabel(m.redaction.reason).fill('');
        await field(page, 'E.force_unit')
          .getByRole('button', { name: m.redaction.removeField })
          .click();
        await expect(field(page, 'E.force_unit')).toContainText(m.redaction.wholeRemoved);
        await expect(output).toContainText('[REDACTED: unit]');

        // 3. The name everywhere, typed with another apostrophe than the text has.
        const entity = page.getByRole('form', { name: m.redaction.entityTitle });
        await entity.getByLabel(m.redaction.entityText).fill(NAME_TYPED);
        await entity.getByLabel(m.redaction.category).selectOption('name');
        await entity.getByRole('button', { name: m.redaction.entityAdd }).click();
        await expect(entity.getByLabel(m.redaction.entityText)).toHaveValue('');
        // Every variant is highlighted in the original, and gone from the preview.
        await expect(narrative.locator('mark.marked-span')).toHaveText([
          "Мар'яна",
          PLACE,
          'МАРʼЯНА',
        ]);
        await expect(field(page, 'E.circumstances').locator('mark')).toHaveText("Мар'яна");

        // 4. A suggestion taken in one click: the phone number.
        const suggestion = page
          .locator('.redaction-suggestion-list li')
          .filter({ hasText: PHONE })
          .first();
        await suggestion.getByRole('button', { name: m.redaction.redactEverywhere }).click();
        await expect(suggestion).toContainText(m.redaction.alreadyRedacted);
        await expect(output).toContainText('[REDACTED: contact]');

        const shown = (await output.textContent()) ?? '';
        for (const s of REMOVED) expect(shown, `"${s}" in the preview`).not.toContain(s);
        expect(shown).toContain('[REDACTED: place]');
        expect(shown).toContain('[REDACTED: name]');
        expect(shown).toContain('[REDACTED: unit]');
        expect(shown).toContain('[REDACTED: contact]');
        // The attachment's file name carried the name too.
        expect(shown).toContain('фото-[REDACTED: name].png');
        await expect(page.locator('.redaction-list li')).toHaveCount(4);
        await shot('02-redacted-preview');

        // The full profile keeps everything: the preview says what a prosecutor receives.
        const profile = page.getByLabel(m.redaction.profile);
        await profile.selectOption('full');
        await expect(output).toContainText('Садовій');
        await expect(page.getByText(m.redaction.keepsEverything)).toBeVisible();
        await profile.selectOption('redacted');
        await expect(output).not.toContainText('Садовій');

        // 5. Black boxes on the photo, drawn with the mouse.
        await page
          .locator('.redaction-attachment-list li')
          .getByRole('button', { name: m.redaction.blackout })
          .click();
        const editor = page.getByRole('dialog');
        const surface = editor.locator('.region-surface');
        await expect(surface.locator('img')).toBeVisible();
        const box = (await surface.boundingBox())!;
        await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2, { steps: 4 });
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 4 });
        await page.mouse.up();
        await expect(editor.locator('.region-list li')).toHaveCount(1);
        // Scaled to the full image (640 × 480): about 256 × 144 from (64, 48).
        const item = (await editor.locator('.region-list li').textContent()) ?? '';
        const [w, h, x, y] = (item.match(/\d+/g) ?? []).slice(1).map(Number);
        expect(Math.abs(w! - 256)).toBeLessThan(8);
        expect(Math.abs(h! - 144)).toBeLessThan(8);
        expect(Math.abs(x! - 64)).toBeLessThan(8);
        expect(Math.abs(y! - 48)).toBeLessThan(8);
        await shot('03-region-editor');
        await editor.getByRole('button', { name: m.redaction.regionSave }).click();
        await expect(editor).toBeHidden();
        await expect(output.locator('.redaction-output-attachments')).toContainText(
          m.redaction.blackedOutTag,
        );
        await expect(page.locator('.redaction-list li')).toHaveCount(5);

        // The vault's original is untouched: redactions are a layer.
        const original = await ok<{ narrative: string }>(rig, 'testimony:get', { id });
        expect(original.narrative).toBe(NARRATIVE);

        // 6. The free account edited after it was marked: the passage's mark is stale.
        await ok(rig, 'testimony:saveNarrative', {
          id,
          narrative: `Доповнено. ${NARRATIVE}`,
          baseRevision: (await ok<{ revision: number }>(rig, 'testimony:get', { id })).revision,
        });
        await page.getByRole('button', { name: m.redaction.back }).click();
        await page
          .locator('.interview-head')
          .getByRole('button', { name: m.redaction.open })
          .click();
        await expect(page.locator('.banner-stale')).toContainText(m.redaction.staleTag);
        const staleItem = page.locator('.redaction-list li[data-stale]');
        await expect(staleItem).toHaveCount(1);
        await expect(staleItem).toContainText(m.redaction.staleReasons.revision_changed);
        await shot('04-stale-mark');

        // 7. Sealing for an NGO: the full profile may not go there; the stale mark refuses the
        // redacted one; marked again, the redacted bundle is sealed.
        const ngoKey = join(outside, 'ngo.txt');
        execFileSync('age-keygen', ['-o', ngoKey], { stdio: 'pipe' });
        const publicKey = /^# public key: (age1[a-z0-9]+)$/m.exec(
          readFileSync(ngoKey, 'utf8'),
        )![1]!;
        await ok(rig, 'recipient:add', {
          name: 'Громадська ініціатива',
          organisation: 'Правозахисна група',
          publicKey,
          recipientClass: 'ngo',
        });
        await page.getByRole('button', { name: m.redaction.back }).click();
        await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
        const dialog = page.getByRole('dialog', { name: m.bundles.title });
        await dialog
          .getByRole('checkbox', { name: 'Громадська ініціатива · Правозахисна група' })
          .check();
        await expect(dialog.getByRole('radio', { name: /^Full|^Повний/ })).toBeChecked();
        // Said before Seal is pressed; main refuses all the same.
        await expect(dialog.locator('.profile-mismatch')).toBeVisible();
        rig.saveTargets.push(outside);
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        await expect(dialog.getByRole('alert')).toHaveAttribute(
          'data-error-code',
          'PROFILE_NOT_ALLOWED',
        );
        await expect(dialog.getByRole('alert')).toHaveText(m.errors.PROFILE_NOT_ALLOWED);
        await shot('05-profile-not-allowed');
        await dialog.getByRole('radio', { name: /^Redacted|^Знеособлений/ }).check();
        await expect(dialog.locator('.profile-mismatch')).toHaveCount(0);
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        await expect(dialog.getByRole('alert')).toHaveAttribute(
          'data-error-code',
          'REDACTION_STALE',
        );
        await expect(dialog.getByRole('alert')).toHaveText(m.errors.REDACTION_STALE);
        await shot('06-redaction-stale');
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();

        await page
          .locator('.interview-head')
          .getByRole('button', { name: m.redaction.open })
          .click();
        await page
          .locator('.redaction-list li[data-stale]')
          .getByRole('button', { name: m.redaction.remove })
          .click();
        await expect(page.locator('.banner-stale')).toHaveCount(0);
        await page
          .getByRole('group', { name: m.redaction.markOptions })
          .getByLabel(m.redaction.category)
          .selectOption('place');
        await select(field(page, 'narrative').locator('textarea'), PLACE);
        await field(page, 'narrative')
          .getByRole('button', { name: m.redaction.redactSelection })
          .click();
        await expect(output).not.toContainText('Садовій');
        await page.getByRole('button', { name: m.redaction.back }).click();
        await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
        await dialog
          .getByRole('checkbox', { name: 'Громадська ініціатива · Правозахисна група' })
          .check();
        await dialog.getByRole('radio', { name: /^Redacted|^Знеособлений/ }).check();
        await dialog.getByRole('button', { name: m.bundles.sealButton, exact: true }).click();
        const result = page.getByRole('dialog', { name: m.bundles.resultTitle });
        await expect(result.getByText(m.bundles.noteSha)).toBeVisible({ timeout: 30_000 });
        const path = (await result.locator('[data-field="path"]').textContent()) ?? '';
        const tarFile = join(outside, 'bundle.tar');
        execFileSync('age', ['-d', '-i', ngoKey, '-o', tarFile, path]);
        const entries = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).split('\n');
        const json = entries.find((e) => e.endsWith('/testimony.json'))!;
        const testimonyJson = execFileSync('tar', ['-xOf', tarFile, json], { encoding: 'utf8' });
        for (const s of REMOVED) expect(testimonyJson, `"${s}" in testimony.json`).not.toContain(s);
        expect(JSON.parse(testimonyJson).narrative.text).toContain('[REDACTED: place]');
        for (const e of entries) for (const s of REMOVED) expect(e).not.toContain(s);
        expect(readdirSync(outside).some((f) => f.endsWith('.svidok.age'))).toBe(true);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });
}
