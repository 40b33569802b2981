/**
 * Two things main refuses that the form must make plain to a tired interviewer:
 *  - an answer main refuses (INVALID_ANSWER) is marked at its own field — a red line, the reason,
 *    aria-invalid on the control, one step to reach it — and the mark goes once it is fixed and
 *    saved, inside a repeatable group too;
 *  - a saved withdrawal of consent cannot be removed or have what it withdrew changed, so it
 *    offers no "remove" and its scope is read-only (a new one offers both), while its note can
 *    still be added and saved. (That the refusal would read "Not saved" once is now checked on
 *    the messages: tests/unit/i18n/save-reasons.test.ts.)
 *
 * The date check is the realistic refusal: the renderer reads a date against its own clock, main
 * against its own. Here the renderer's clock runs three years ahead (as a renderer bug or a clock
 * that differs could have it), so a date two years on reads well in the form and main refuses it
 * as lying in the future. Nothing else is forced: typing, saving and refusing are the real ones.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { CONSENT_WITHDRAWALS_FIELD } from '../../shared/forms/consent';
import type { DateField, GroupField, Section } from '../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { choose, createTestimony, createVault, openSection, recordConsent } from './rig/flows';
import { screenChecker } from './rig/screen-checks';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** A section (not B) with a date question of its own, and one with a date inside a group. */
const TOP = (() => {
  for (const section of CURRENT_TEMPLATE.sections) {
    const field = section.fields.find((f): f is DateField => f.kind === 'date');
    if (field && section.id !== 'B') return { section, field };
  }
  throw new Error('no section asks a date of its own');
})();
const IN_GROUP = (() => {
  for (const section of CURRENT_TEMPLATE.sections) {
    if (section.id === 'B') continue;
    for (const group of section.fields) {
      if (group.kind !== 'group') continue;
      const child = group.fields.find((c): c is DateField => c.kind === 'date');
      if (child) return { section, group: group as GroupField, child };
    }
  }
  throw new Error('no group asks a date');
})();

for (const lang of ['en', 'uk'] as const) {
  const m = catalogues[lang];

  test.describe(`an answer main refuses is marked at its field (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a date main refuses: marked, reachable, and unmarked once fixed and saved', async ({
      page,
      rig,
    }, testInfo) => {
      const shot = screenshotter(page, testInfo, lang);
      const screens = screenChecker(page, testInfo);
      const now = Date.now();
      // Later than main's "now", earlier than the renderer's.
      const ahead = String(new Date(now).getUTCFullYear() + 2);
      const past = String(new Date(now).getUTCFullYear() - 4);

      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, `INV-${lang.toUpperCase()}-1`);
      await page.clock.setFixedTime(new Date(now + 3 * YEAR_MS));

      // A date of its own.
      await openSection(page, m, TOP.section.id);
      const page1 = sectionOf(page, TOP.section);
      const field = page1.locator(`[data-field="${TOP.field.id}"]`);
      const input = field.locator('.q-control input').first();
      await expect(input).not.toHaveAttribute('aria-invalid', 'true');
      await input.fill(ahead);
      await input.blur();
      await expectRefused(page1, m);
      await expectMarked(field, input, m);
      await page1.getByRole('button', { name: m.interview.showFault }).click();
      await expect(input).toBeFocused();
      await shot('01-top-level-marked');
      await screens.check('top-level-marked');

      await input.fill(past);
      await input.blur();
      await expectSaved(page1);
      await expectUnmarked(field, input);
      await expect(page1.getByRole('button', { name: m.interview.showFault })).toHaveCount(0);
      await shot('02-top-level-fixed');
      await screens.check('top-level-fixed');

      // A date inside a group item: its path names the item.
      await openSection(page, m, IN_GROUP.section.id);
      const page2 = sectionOf(page, IN_GROUP.section);
      const group = page2.locator(`[data-field="${IN_GROUP.group.id}"]`);
      await group.locator('.group-actions button').first().click();
      const item = group.locator('[data-item]').first();
      const child = item.locator(`[data-field="${IN_GROUP.child.id}"]`);
      const childInput = child.locator('.q-control input').first();
      await childInput.fill(ahead);
      await childInput.blur();
      await expectRefused(page2, m);
      await expectMarked(child, childInput, m);
      // Only that field: the group's own frame carries no mark.
      await expect(group).not.toHaveAttribute('data-fault');
      await expect(page2.locator('[data-field-fault]')).toHaveCount(1);
      await child.scrollIntoViewIfNeeded();
      await shot('03-group-item-marked');
      await screens.check('group-item-marked');

      await childInput.fill(past);
      await childInput.blur();
      await expectSaved(page2);
      await expectUnmarked(child, childInput);
    });
  });

  test.describe(`a saved withdrawal of consent offers no "remove" (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('saved: no remove, scope read-only, note editable; new: remove, scope editable', async ({
      page,
      rig,
    }, testInfo) => {
      const shot = screenshotter(page, testInfo, lang);
      const screens = screenChecker(page, testInfo);
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, `WDI-${lang.toUpperCase()}-1`, { consent: false });
      await recordConsent(page, m, ['interview', 'store_identifying', 'share_ngo']);

      await openSection(page, m, 'B');
      const sectionB = page.locator('section[data-section="B"]');
      const withdrawals = sectionB.locator(`[data-field="${CONSENT_WITHDRAWALS_FIELD}"]`);
      const items = withdrawals.locator('[data-item]');
      const removeIn = (item: Locator) => item.locator('.group-item-actions button');

      // A new withdrawal can be taken back until it is saved.
      await withdrawals.locator('.group-actions button').first().click();
      const first = items.first();
      await expect(removeIn(first)).toHaveCount(1);
      await choose(first, 'scope', 'share_ngo');
      await first
        .locator('[data-field="date"]')
        .getByRole('button', { name: m.field.today })
        .click();
      await expectSaved(sectionB);
      // Saved: it stays, and says so.
      await expect(removeIn(first)).toHaveCount(0);
      await expect(first.locator('[data-permanent]')).toHaveText(m.field.group.permanent);
      // What it withdrew is fixed (main would refuse a change), with its other ways to answer.
      const scopeOf = (item: Locator) => item.locator('[data-field="scope"]');
      await expect(scopeOf(first).locator('select')).toBeDisabled();
      await expect(scopeOf(first).locator('select')).toHaveValue('share_ngo');
      await expect(scopeOf(first).getByRole('button', { name: m.field.unknown })).toBeDisabled();

      // Another, not yet saved (no scope: main keeps nothing of it for good): removable.
      await withdrawals.locator('.group-actions button').first().click();
      const second = items.nth(1);
      await expect(removeIn(second)).toHaveCount(1);
      await expect(removeIn(first)).toHaveCount(0);
      await expect(scopeOf(second).locator('select')).toBeEnabled();
      await expect(scopeOf(first).locator('select')).toBeDisabled();
      await shot('04-withdrawals');
      await screens.check('withdrawals');
      await removeIn(second).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: m.field.group.removeConfirm, exact: true })
        .click();
      await expect(items).toHaveCount(1);
      await expectSaved(sectionB);

      // Main lets a saved withdrawal be completed: its note is typed and saved.
      const note = first.locator('[data-field="note"] .q-control :is(input, textarea)').first();
      await expect(note).toBeEditable();
      await note.fill(lang === 'uk' ? 'Повідомлено телефоном' : 'Told by phone');
      await note.blur();
      await expectSaved(sectionB);
      await expect(scopeOf(first).locator('select')).toBeDisabled();
      await first.scrollIntoViewIfNeeded();
      await shot('05-withdrawal-saved-note');
      await screens.check('withdrawal-saved-note');
    });
  });
}

function sectionOf(page: Page, section: Section): Locator {
  return page.locator(`section[data-section="${section.id}"]`);
}

async function expectRefused(section: Locator, m: Messages) {
  const status = section.getByRole('status').first();
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(status).toContainText(m.errors.INVALID_ANSWER);
}

async function expectSaved(section: Locator) {
  await expect(section.getByRole('status').first()).toHaveAttribute('data-state', 'saved');
}

async function expectMarked(field: Locator, input: Locator, m: Messages) {
  await expect(field).toHaveAttribute('data-fault', 'bad_date');
  const note = field.locator('.field-fault');
  await expect(note).toHaveText(m.field.faults.bad_date);
  await expect(note).toHaveCSS('color', 'rgb(155, 28, 28)');
  await expect(field.locator('.q-control').first()).toHaveCSS('border-bottom-style', 'solid');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const noteId = await note.getAttribute('id');
  expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(noteId);
}

async function expectUnmarked(field: Locator, input: Locator) {
  await expect(field).not.toHaveAttribute('data-fault');
  await expect(field.locator('.field-fault')).toHaveCount(0);
  await expect(input).toHaveAttribute('aria-invalid', 'false');
}

function screenshotter(page: Page, testInfo: TestInfo, lang: string) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${lang}-${name}.png`) });
  };
}
