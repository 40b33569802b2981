/**
 * Section answers are typed into inputs that keep their text until a pause, then lift it to the
 * section's store, which saves it. A lock (Ctrl+L) or opening another testimony in that pause
 * must still save what was typed, as it does for the narrative.
 */
import type { Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, openSection, unlock } from './rig/flows';

const m = catalogues.uk;

const field = (page: Page, section: string, id: string) =>
  page.locator(`section[data-section="${section}"] [data-field="${id}"]`);

test('an answer typed just before a lock or a switch of testimony is saved', async ({
  page,
  rig,
}) => {
  await page.goto(`${rig.url}/`);
  await createVault(page, m);
  await createTestimony(page, m, 'DRAFT-1');

  await openSection(page, m, 'A');
  await field(page, 'A', 'organisation')
    .locator('textarea')
    .pressSequentially('Правозахисна група');
  await page.keyboard.press('Control+l');
  await unlock(page, m);
  await page.getByRole('button', { name: 'DRAFT-1' }).click();
  await openSection(page, m, 'A');
  const organisation = field(page, 'A', 'organisation').locator('textarea');
  await expect(organisation).toHaveValue('Правозахисна група');
  await expect(field(page, 'A', 'organisation')).toHaveAttribute('data-state', 'answered');

  await organisation.press('End');
  await page.keyboard.type(' «Київ»');
  await createTestimony(page, m, 'DRAFT-2', { consent: false });
  await page.getByRole('button', { name: 'DRAFT-1' }).click();
  await openSection(page, m, 'A');
  await expect(field(page, 'A', 'organisation').locator('textarea')).toHaveValue(
    'Правозахисна група «Київ»',
  );

  // "Unknown" is an answer of its own, saved and shown back as such.
  await field(page, 'A', 'interviewer').getByRole('button', { name: m.field.unknown }).click();
  await page.keyboard.press('Control+l');
  await unlock(page, m);
  await page.getByRole('button', { name: 'DRAFT-1' }).click();
  await openSection(page, m, 'A');
  await expect(field(page, 'A', 'interviewer')).toHaveAttribute('data-state', 'unknown');
  await expect(
    field(page, 'A', 'interviewer').getByRole('button', { name: m.field.unknown }),
  ).toHaveAttribute('aria-pressed', 'true');
});
