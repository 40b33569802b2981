/**
 * A custom redaction profile made in the UI ("New profile…" beside the preview's profile
 * choice): one that removes only names. Saved, it is chosen in the preview at once, which then
 * applies it: a name marked everywhere is a token, a place marked everywhere and the identifying
 * answers stay. A second profile with the same name is refused (CONFLICT, worded for profiles),
 * and the seal dialog offers the new profile. uk and en; screenshots and axe on every state.
 */
import type { Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { consentAnswers, STORE_SCOPES } from '../helpers/consent';
import { expect, test } from './rig/fixtures';
import type { Rig } from './rig/fixtures';
import { createTestimony, createVault } from './rig/flows';
import { screenChecker } from './rig/screen-checks';

const NAME = 'Мар’яна';
const PLACE = 'Садова';
const SURNAME = 'Коваленко';
const NARRATIVE = `Мене звати ${NAME}. Мене тримали в підвалі на вулиці ${PLACE}, 12.`;
const NAMES = { uk: 'Лише імена', en: 'Names only' };

async function ok<T>(rig: Rig, channel: string, input: unknown): Promise<T> {
  const result = (await rig.api.dispatch(channel, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value;
}

/** "Name or number everywhere", through the screen's own form. */
async function redactEverywhere(page: Page, m: Messages, text: string, category: string) {
  const entity = page.getByRole('form', { name: m.redaction.entityTitle });
  await entity.getByLabel(m.redaction.entityText).fill(text);
  await entity.getByLabel(m.redaction.category).selectOption(category);
  await entity.getByRole('button', { name: m.redaction.entityAdd }).click();
  await expect(entity.getByLabel(m.redaction.entityText)).toHaveValue('');
}

for (const lang of ['uk', 'en'] as const) {
  const m: Messages = catalogues[lang];
  const f = m.redaction.profileForm;

  test.describe(`custom redaction profile (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a profile that removes only names: made, chosen, applied; a taken name is refused', async ({
      page,
      rig,
    }, testInfo) => {
      test.setTimeout(90_000);
      const checker = screenChecker(page, testInfo);
      const shot = async (name: string) => {
        await page.screenshot({ path: testInfo.outputPath(`${lang}-${name}.png`), fullPage: true });
        await checker.check(name);
      };
      const code = `PROF-${lang.toUpperCase()}-1`;
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, code, { consent: false });
      const id = rig.api.services.testimonies.list().find((t) => t.recordCode === code)!.id;
      await ok(rig, 'interview:saveSection', {
        testimonyId: id,
        sectionId: 'B',
        answers: consentAnswers([...STORE_SCOPES, 'share_ngo', 'share_national_prosecutor']),
        baseRevision: 0,
      });
      await ok(rig, 'interview:saveSection', {
        testimonyId: id,
        sectionId: 'C',
        answers: { name_uk: { state: 'answered', value: `${SURNAME} Марʼяна Петрівна` } },
        baseRevision: 0,
      });
      await ok(rig, 'testimony:saveNarrative', { id, narrative: NARRATIVE, baseRevision: 0 });
      await page.getByRole('button', { name: m.recipients.open, exact: true }).click();
      await page.getByRole('button', { name: code }).click();
      await page.locator('.interview-head').getByRole('button', { name: m.redaction.open }).click();
      await expect(page.getByRole('heading', { name: m.redaction.title, level: 1 })).toBeVisible();

      await redactEverywhere(page, m, NAME, 'name');
      await redactEverywhere(page, m, PLACE, 'place');
      const output = page.getByTestId('redaction-output');
      // The redacted profile removes both marks, and section C (identifying) whole.
      await expect(output).toContainText('[REDACTED: place]');
      await expect(output).not.toContainText(SURNAME);

      // The form, opened from beside the profile choice; it starts from the redacted profile.
      const opener = page.getByRole('button', { name: f.open });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: f.title });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(f.nameUk)).toBeFocused();
      const sensitivity = dialog.getByRole('group', { name: f.sensitivityTitle });
      const categories = dialog.getByRole('group', { name: f.categoriesTitle });
      const row = (group: typeof sensitivity, label: string) =>
        group.getByRole('group', { name: label, exact: true });
      await expect(
        row(sensitivity, f.sensitivities.identifying).getByRole('radio', { name: f.remove }),
      ).toBeChecked();
      await expect(
        row(sensitivity, f.sensitivities.location).getByRole('radio', { name: f.keep }),
      ).toBeChecked();
      await expect(
        row(categories, m.redaction.categories.place).getByRole('radio', { name: f.remove }),
      ).toBeChecked();
      for (const c of Object.values(m.recipients.classes)) {
        await expect(dialog.getByRole('checkbox', { name: c })).toBeChecked();
      }
      await shot('01-profile-form');

      // Nothing named: said so, nothing saved.
      await dialog.getByRole('button', { name: f.save }).click();
      await expect(dialog.getByRole('alert')).toHaveText(f.needName);

      // Names only: every sensitivity kept, every category kept but names; for NGOs alone.
      await dialog.getByLabel(f.nameUk).fill(NAMES.uk);
      await dialog.getByLabel(f.nameEn).fill(NAMES.en);
      for (const c of Object.values(m.recipients.classes)) {
        await dialog.getByRole('checkbox', { name: c }).uncheck();
      }
      await dialog.getByRole('button', { name: f.save }).click();
      await expect(dialog.getByRole('alert')).toHaveText(f.needClass);
      await dialog.getByRole('checkbox', { name: m.recipients.classes.ngo }).check();
      for (const label of Object.values(f.sensitivities)) {
        await row(sensitivity, label).getByRole('radio', { name: f.keep }).check();
      }
      for (const [key, label] of Object.entries(m.redaction.categories)) {
        await row(categories, label)
          .getByRole('radio', { name: key === 'name' ? f.remove : f.keep })
          .check();
      }
      await shot('02-profile-filled');
      await dialog.getByRole('button', { name: f.save }).click();
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();

      // Chosen at once, and applied: the name is a token, the place and section C stay.
      const select = page.getByLabel(m.redaction.profile);
      await expect(select).toHaveValue(/^custom-[0-9a-f]{8}$/);
      await expect(select.locator('option:checked')).toHaveText(NAMES[lang]);
      await expect(output).toContainText(`${PLACE}, 12`);
      await expect(output).toContainText(SURNAME);
      await expect(output).toContainText('[REDACTED: name]');
      await expect(output).not.toContainText('[REDACTED: place]');
      await expect(output).not.toContainText(NAME);
      await expect(output).not.toContainText("Мар'яна");
      await shot('03-profile-applied');

      // Back to another profile and to this one again: it is in the list.
      await select.selectOption('redacted');
      await expect(output).not.toContainText(SURNAME);
      await select.selectOption({ label: NAMES[lang] });
      await expect(output).toContainText(SURNAME);

      // The same name again (in other capitals): refused, in words about profiles.
      await opener.click();
      await dialog.getByLabel(f.nameUk).fill('Інша назва');
      await dialog.getByLabel(f.nameEn).fill(NAMES.en.toUpperCase());
      await dialog.getByRole('button', { name: f.save }).click();
      await expect(dialog.getByRole('alert')).toHaveAttribute('data-error-code', 'CONFLICT');
      await expect(dialog.getByRole('alert')).toHaveText(f.errors.CONFLICT);
      await shot('04-profile-conflict');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(select).toHaveValue(/^custom-/);

      // The seal dialog offers it, for the one kind of recipient it allows.
      await page.getByRole('button', { name: m.redaction.back }).click();
      await page.locator('.interview-head').getByRole('button', { name: m.bundles.seal }).click();
      const seal = page.getByRole('dialog', { name: m.bundles.title });
      await expect(seal.getByRole('radio', { name: NAMES[lang] })).toBeVisible();
      await expect(
        seal.locator('.recipient-choice').filter({ hasText: NAMES[lang] }),
      ).toContainText(m.recipients.classes.ngo);
    });
  });
}
