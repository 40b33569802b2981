/**
 * A testimony pins the template version it was taken with, and still renders with it after the
 * template moves on. Two testimonies with the same answers are imported the way
 * `svidok testimony add --json` imports them (the same function, the same schema), one pinned to
 * torture-detention v1 and one to v2: in v1 a co-detainee's "who" is the survivor's words only;
 * in v2 the same field links to the people register. Answers typed into the v1 testimony come
 * back after a lock and an unlock, in each UI language.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page, TestInfo } from '@playwright/test';
import type { SectionAnswers } from '../../shared/forms/answers';
import { CURRENT_TEMPLATE, getTemplate } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { testimonyJsonSchema } from '../../shared/testimony-json';
import { sha256Hex } from '../../electron/main/custody';
import { importTestimony } from '../../electron/main/imports';
import { consentAnswers } from '../helpers/consent';
import type { Rig } from './rig/fixtures';
import { expect, test } from './rig/fixtures';
import { createVault, openSection, unlock } from './rig/flows';
import { screenChecker } from './rig/screen-checks';

const answered = <T>(value: T) => ({ state: 'answered' as const, value });

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`template versions (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a v1 testimony renders with v1 (free text), a v2 one with the people register', async ({
      page,
      rig,
    }, testInfo) => {
      const old = `TPL-V1-${lang.toUpperCase()}`;
      const now = `TPL-V2-${lang.toUpperCase()}`;
      const cellmate = 'Петро Коваль, камера № 3';
      const registered = lang === 'uk' ? 'Ольга Бондаренко' : 'Olha Bondarenko';
      const typed = 'Андрій, ~30 років, з Херсона';
      const shot = screenshotter(page, testInfo);
      const screens = screenChecker(page, testInfo);
      // Otherwise the second import would prove nothing about pinning: both would be current.
      expect(CURRENT_TEMPLATE.version).toBe(2);

      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      const sectionF: SectionAnswers = {
        codetainees: answered({
          items: [{ id: randomUUID(), answers: { who: answered({ text: cellmate }) } }],
        }),
      };
      const v1 = importPinned(rig, old, 1, sectionF);
      const v2 = importPinned(rig, now, 2, sectionF);
      rig.api.services.registers.savePerson({
        names: [registered],
        roles: ['co_detainee'],
        description: '',
      });
      // Main holds each pin as imported.
      expect(await pinOf(rig, v1)).toEqual({ templateId: CURRENT_TEMPLATE.id, templateVersion: 1 });
      expect(await pinOf(rig, v2)).toEqual({ templateId: CURRENT_TEMPLATE.id, templateVersion: 2 });
      // The list and the registers are read at unlock: lock and unlock to see the imports.
      await page.getByRole('button', { name: m.vault.lock }).click();
      await unlock(page, m);

      // v1: "who" is a text box only, no choice of register, no register entry list.
      await openTestimony(page, m, old);
      await expectPin(page, lang, 1);
      await openSection(page, m, 'F');
      let who = codetainee(page, 0);
      await expect(who.locator('textarea')).toHaveValue(cellmate);
      await expect(who.getByRole('radiogroup')).toHaveCount(0);
      await expect(who.getByRole('radio', { name: m.field.ref.fromRegister })).toHaveCount(0);
      await expect(who.locator('select')).toHaveCount(0);
      await expect(who).not.toContainText(registered);
      // A second co-detainee typed into the old testimony is saved with v1 as well.
      const codetainees = page.locator(
        'section[data-section="F"] > fieldset.fields > [data-field="codetainees"]',
      );
      await codetainees.locator(':scope > .q-control .group-actions button').first().click();
      await codetainee(page, 1).locator('textarea').fill(typed);
      await expect(codetainee(page, 1)).toHaveAttribute('data-state', 'answered');
      await expect(sectionStatus(page)).toHaveAttribute('data-state', 'saved');
      await shot('01-v1-section-F-free-text');
      await screens.check('v1-section-F');

      // v2: the same field, the same answer, offers the people register.
      await openTestimony(page, m, now);
      await expectPin(page, lang, 2);
      await openSection(page, m, 'F');
      who = codetainee(page, 0);
      await expect(who.getByRole('radiogroup')).toBeVisible();
      // The saved answer is words, so the words are shown, with the register one click away.
      await expect(who.getByRole('radio', { name: m.field.ref.ownWords })).toBeChecked();
      await expect(who.locator('textarea')).toHaveValue(cellmate);
      await who.getByRole('radio', { name: m.field.ref.fromRegister }).check();
      await expect(who.locator('select option', { hasText: registered })).toHaveCount(1);
      await shot('02-v2-section-F-register');

      // Lock, unlock: the old testimony still shows v1 and both of its answers.
      await page.keyboard.press('Control+l');
      await unlock(page, m);
      await openTestimony(page, m, old);
      await openSection(page, m, 'F');
      await expect(codetainee(page, 0).locator('textarea')).toHaveValue(cellmate);
      await expect(codetainee(page, 1).locator('textarea')).toHaveValue(typed);
      // (Its "where" fields keep their facility register: only "who" differs between versions.)
      for (const n of [0, 1])
        await expect(codetainee(page, n).getByRole('radiogroup')).toHaveCount(0);
      await shot('03-v1-after-unlock');
      await screens.check('v1-section-F-after-unlock');
      expect(await pinOf(rig, v1)).toEqual({ templateId: CURRENT_TEMPLATE.id, templateVersion: 1 });
    });
  });
}

/** Imports a testimony.json pinned to `version` as the CLI does; returns the testimony's id. */
function importPinned(rig: Rig, recordCode: string, version: number, f: SectionAnswers): string {
  const data = testimonyJsonSchema.parse({
    schema: 'svidok.testimony/1',
    recordCode,
    narrative: '',
    template: { id: CURRENT_TEMPLATE.id, version },
    sections: { B: consentAnswers(), F: f },
  });
  const bytes = Buffer.from(JSON.stringify(data), 'utf8');
  const { testimonies, interviews, custody } = rig.api.services;
  const made = importTestimony(
    { db: () => rig.api.vault.database(), testimonies, interviews, custody },
    data,
    { sha256: sha256Hex(bytes), bytes: bytes.length },
  );
  return made.id;
}

async function pinOf(rig: Rig, testimonyId: string) {
  const result = await rig.api.dispatch('interview:get', { testimonyId });
  if (!result.ok) throw new Error(`interview:get: ${result.error.code}`);
  const { templateId, templateVersion } = result.value as {
    templateId: string;
    templateVersion: number;
  };
  return { templateId, templateVersion };
}

async function openTestimony(page: Page, m: Messages, recordCode: string) {
  await page
    .getByRole('navigation', { name: m.testimony.listTitle })
    .getByRole('button', { name: recordCode })
    .click();
  await expect(page.getByRole('heading', { name: recordCode })).toBeVisible();
}

/** The header names the template and the version the open testimony pinned. */
async function expectPin(page: Page, lang: 'uk' | 'en', version: number) {
  const template = getTemplate(CURRENT_TEMPLATE.id, version);
  if (!template) throw new Error(`no template v${version}`);
  const text = catalogues[lang].interview.templatePin
    .replace('{{title}}', template.title[lang])
    .replace('{{version}}', String(version));
  await expect(page.locator('.interview-head .template-pin')).toHaveText(text);
}

/** The "who" question of the n-th co-detainee in the open section F. */
function codetainee(page: Page, n: number): Locator {
  return page
    .locator('section[data-section="F"] [data-field="codetainees"] [data-item]')
    .nth(n)
    .locator('[data-field="who"]');
}

function sectionStatus(page: Page): Locator {
  return page.locator('section[data-section="F"]').getByRole('status');
}

/** The whole page, and the co-detainees question alone (the page is long). */
function screenshotter(page: Page, testInfo: TestInfo) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
    await page
      .locator('section[data-section="F"] > fieldset.fields > [data-field="codetainees"]')
      .screenshot({ path: testInfo.outputPath(`${name}-codetainees.png`) });
  };
}
