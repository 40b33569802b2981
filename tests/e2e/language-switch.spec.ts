/**
 * Switching the UI language is instant (issue 4): mid-interview, with a typed answer not yet
 * saved, one click turns every label into the other language without reloading the page, and
 * the typed text and the open section stay. The choice is kept for the next start.
 */
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, openSection } from './rig/flows';
import { catalogues } from '../../shared/i18n';

const uk = catalogues.uk;
const en = catalogues.en;

test('the language switches at once, keeps the open section and what was typed', async ({
  page,
  rig,
}, testInfo) => {
  await page.goto(`${rig.url}/`);
  await createVault(page, uk);
  await createTestimony(page, uk, 'UA-LANG-1');
  await openSection(page, uk, 'C');
  // Marks this document: a reload would lose it.
  await page.evaluate(
    () => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true),
  );
  const pseudonym = page.locator('section[data-section="C"] [data-field="pseudonym"] textarea');
  await pseudonym.fill('Сокіл');

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('button', { name: en.vault.lock, exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: en.interview.sections })).toBeVisible();
  await expect(page.getByRole('button', { name: uk.vault.lock, exact: true })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('section[data-section="C"]')).toBeVisible();
  await expect(pseudonym).toHaveValue('Сокіл');
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('01-english.png'), fullPage: true });

  await page.getByRole('button', { name: 'Українська', exact: true }).click();
  await expect(page.getByRole('navigation', { name: uk.interview.sections })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(pseudonym).toHaveValue('Сокіл');

  // Kept: after a reload the app starts in the language chosen last.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('button', { name: en.vault.lock, exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'English', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
