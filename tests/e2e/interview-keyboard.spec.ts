/**
 * The interview without a mouse: the help overlay lists every shortcut of the app's table, the
 * shortcuts move between sections, skip, and take a break whose timer runs; Tab and Enter reach
 * Start, Stop and Resume. Also: after consent the free account opens first, and the navigator
 * counts unknown and declined answers of a section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { sectionProgress } from '../../shared/forms/answers';
import type { Section } from '../../shared/forms/template';
import { findSection } from '../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, sectionNav, unlock } from './rig/flows';

/**
 * The app's shortcut table (renderer/src/app/shortcuts.ts), read from its source: the renderer
 * is not part of the Node type-check, so it cannot be imported here. Every entry counts, so a
 * shortcut added there must be listed in the overlay; an entry written differently fails here.
 */
function shortcutTable(): Array<{ action: string; keys: string[] }> {
  const source = readFileSync(join(__dirname, '../../renderer/src/app/shortcuts.ts'), 'utf8');
  const body = /export const SHORTCUTS[^=]*=\s*\[([\s\S]*?)\n\];/.exec(source)?.[1] ?? '';
  const entries = [...body.matchAll(/\{\s*action:\s*'(\w+)',\s*keys:\s*\[([^\]]*)\]\s*\}/g)].map(
    ([, action, keys]) => ({
      action: action!,
      keys: [...keys!.matchAll(/'([^']+)'/g)].map((k) => k[1]!),
    }),
  );
  expect(entries.length).toBeGreaterThan(0);
  expect(entries).toHaveLength(body.match(/action:/g)?.length ?? 0);
  return entries;
}

/** An i18next message with its values put in, as the app shows it. */
const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
/** A message as a pattern, whatever its values. */
const pattern = (message: string) =>
  new RegExp(
    message
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+)'),
  );

const SECTION_A = findSection(CURRENT_TEMPLATE, 'A') as Section;
const SECTION_B = findSection(CURRENT_TEMPLATE, 'B') as Section;

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];
  const title = (section: Section) =>
    fill(m.interview.sectionTitle, { id: section.id, title: section.title[lang] });

  test.describe(`interview by keyboard (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('shortcuts, breaks, skip, stop and resume without a mouse; progress; free account first', async ({
      page,
      rig,
    }, testInfo) => {
      const code = `KB-${lang.toUpperCase()}-1`;
      const shot = screenshotter(page, testInfo);
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, code);

      // Once consent is recorded, the testimony opens on the free account, not on consent.
      await page.keyboard.press('Control+l');
      await unlock(page, m);
      await page
        .getByRole('navigation', { name: m.testimony.listTitle })
        .getByRole('button', { name: code })
        .click();
      await expect(page.getByRole('heading', { name: code, level: 1 })).toBeVisible();
      await expect(
        sectionNav(page, m).getByRole('button', { name: m.interview.freeAccount }),
      ).toHaveAttribute('aria-current', 'step');
      await expect(pageHeading(page)).toHaveText(m.interview.freeAccount);

      // F1: the overlay lists every shortcut of the table, each with its keys and its words.
      await page.keyboard.press('F1');
      const help = page.getByRole('dialog', { name: m.shortcuts.title });
      await expect(help).toBeVisible();
      const table = shortcutTable();
      await expect(help.getByRole('row')).toHaveCount(table.length + 1);
      for (const { action, keys } of table) {
        const words = (m.shortcuts as Record<string, string>)[action];
        expect(words, `shortcuts.${action}`).toBeTruthy();
        const row = help.getByRole('row').filter({ hasText: words! });
        await expect(row).toHaveCount(1);
        await expect(row.getByRole('rowheader')).toHaveText(keys.join(' / '));
      }
      await shot('01-shortcuts');
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      // Start the session with Tab and Enter.
      await tabTo(page, flowButton(page, m, m.flow.start));
      await page.keyboard.press('Enter');
      await expect(flowState(page)).toHaveAttribute('data-state', 'in_session');

      // Alt+N and Alt+P walk the sections; the heading takes the focus.
      await page.keyboard.press('Alt+KeyN');
      await expect(pageHeading(page)).toHaveText(title(SECTION_A));
      await expect(pageHeading(page)).toBeFocused();
      await page.keyboard.press('Alt+KeyN');
      await expect(pageHeading(page)).toHaveText(title(SECTION_B));
      await page.keyboard.press('Alt+KeyP');
      await expect(pageHeading(page)).toHaveText(title(SECTION_A));
      await expect(pageHeading(page)).toBeFocused();

      // One answer unknown, one declined (by keyboard): the navigator counts them.
      const [first, second] = SECTION_A.fields;
      await pressState(page, first!.id, m.field.unknown);
      await pressState(page, second!.id, m.field.declined);
      const counts = sectionProgress(SECTION_A, {
        [first!.id]: { state: 'unknown' },
        [second!.id]: { state: 'declined' },
      });
      expect(counts).toMatchObject({ answered: 0, unknown: 1, declined: 1 });
      const navA = sectionNav(page, m).locator('button[data-section="A"]');
      await expect(navA).toContainText(fill(m.interview.progress, { ...counts }));
      await expect(navA).toContainText(
        fill(m.interview.progressShort, { done: 2, total: SECTION_A.fields.length }),
      );
      await shot('02-progress');

      // Alt+S asks to skip the section shown; Escape leaves it unskipped.
      await page.keyboard.press('Alt+KeyS');
      const skip = page.getByRole('dialog', {
        name: fill(m.flow.skipTitle, { section: SECTION_A.title[lang] }),
      });
      await expect(skip).toBeVisible();
      await shot('03-skip-dialog');
      await page.keyboard.press('Escape');
      await expect(skip).toBeHidden();
      await expect(navA).not.toContainText(m.interview.skipped);

      // Alt+B: a break, its timer shown and running; Enter on the focused Resume ends it.
      await page.keyboard.press('Alt+KeyB');
      const pause = page.getByRole('dialog', { name: pattern(m.flow.breakTimer) });
      await expect(pause).toBeVisible();
      await expect(flowState(page)).toHaveAttribute('data-state', 'on_break');
      const timer = pause.getByRole('heading');
      const started = await timer.textContent();
      expect(started).toMatch(/\d\d:\d\d/);
      await expect(timer).not.toHaveText(started!, { timeout: 5000 });
      await shot('04-break');
      await expect(pause.getByRole('button', { name: m.flow.resume, exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(pause).toBeHidden();
      await expect(flowState(page)).toHaveAttribute('data-state', 'in_session');

      // Stop the interview with Tab and Enter, a reason typed; then resume as a new session.
      await tabTo(page, flowButton(page, m, m.flow.stop));
      await page.keyboard.press('Enter');
      const stop = page.getByRole('dialog', { name: m.flow.stopTitle });
      await expect(stop.getByLabel(m.flow.stopReason)).toBeFocused();
      await page.keyboard.type('Втомилася');
      await tabTo(page, stop.getByRole('button', { name: m.flow.stopConfirm, exact: true }));
      await page.keyboard.press('Enter');
      await expect(stop).toBeHidden();
      await expect(flowState(page)).toHaveAttribute('data-state', 'stopped');
      await shot('05-stopped');
      await tabTo(page, flowButton(page, m, m.flow.resumeNew));
      await page.keyboard.press('Enter');
      await expect(flowState(page)).toHaveAttribute('data-state', 'in_session');
      await expect(flowState(page)).toHaveText(
        pattern(fill(m.flow.inSession, { n: 2, time: '{{time}}' })),
      );
    });
  });
}

/** The heading of the page shown (free account or section). */
function pageHeading(page: Page): Locator {
  return page.locator('.interview-page h2[tabindex="-1"]:visible');
}

function flowState(page: Page): Locator {
  return page.locator('.flow-state');
}

function flowButton(page: Page, m: Messages, name: string): Locator {
  return page.getByRole('group', { name: m.flow.label }).getByRole('button', { name, exact: true });
}

/** Presses Tab until `target` has the focus: it must be reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 200) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
}

/** Marks a question of section A unknown or declined: focus its button, press Space. */
async function pressState(page: Page, fieldId: string, name: string) {
  const field = page.locator(`section[data-section="A"] [data-field="${fieldId}"]`);
  const button = field.locator(':scope > .q-states').getByRole('button', { name, exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

function screenshotter(page: Page, testInfo: TestInfo) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  };
}
