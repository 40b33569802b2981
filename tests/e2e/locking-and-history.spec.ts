/**
 * Locking that the interviewer does not have to think about (idle lock), and the history of a
 * narrative: every saved revision listed, and what each one changed.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault } from './rig/flows';

const m = catalogues.uk;

test.use({ uiLocale: 'uk-UA' });

async function createVaultAndTestimony(page: Page, url: string, recordCode: string) {
  await page.goto(`${url}/`);
  await createVault(page, m);
  await createTestimony(page, m, recordCode);
}

test('idle lock fires after the configured time and leaves nothing of the testimony on screen', async ({
  page,
  rig,
}, testInfo) => {
  const marker = `МАРКЕР-${randomUUID()}`;
  await createVaultAndTestimony(page, rig.url, 'IDLE-1');
  await page.getByLabel(m.testimony.narrative).fill(`Розповідь ${marker}`);
  await expect(page.getByRole('status')).toHaveAttribute('data-state', 'saved');

  // A shortened timeout for the test, set the way the settings control sets it.
  const set = await page.evaluate(() =>
    (
      window as unknown as { svidok: { invoke(c: string, i: unknown): Promise<unknown> } }
    ).svidok.invoke('preferences:update', { idleLockSeconds: 5 }),
  );
  expect(set).toMatchObject({ ok: true, value: { idleLockSeconds: 5 } });
  await page.reload();
  await page.getByRole('button', { name: 'IDLE-1' }).click();
  await expect(page.getByLabel(m.testimony.narrative)).toHaveValue(`Розповідь ${marker}`);
  await page.screenshot({ path: testInfo.outputPath('01-before-idle.png') });

  // No input from here on: the lock must come by itself.
  await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible({
    timeout: 15_000,
  });
  expect(await page.content()).not.toContain(marker);
  expect(await page.content()).not.toContain('IDLE-1');
  await page.screenshot({ path: testInfo.outputPath('02-idle-locked.png') });
  expect(await rig.api.vault.state()).toBe('locked');
});

test('the history view lists the revisions of an edited narrative and shows what changed', async ({
  page,
  rig,
}, testInfo) => {
  await createVaultAndTestimony(page, rig.url, 'HIST-1');
  const editor = page.getByLabel(m.testimony.narrative);
  const status = page.getByRole('status');
  const versions = [
    'Мене тримали в підвалі.',
    'Мене тримали в підвалі три тижні.',
    'Мене тримали в камері три тижні.',
  ];
  for (const text of versions) {
    await editor.fill(text);
    await expect(status).toHaveAttribute('data-state', 'saved');
  }

  await page.getByRole('button', { name: m.history.show }).click();
  const list = page.locator('.revision-list button');
  await expect(list).toHaveCount(3);
  await expect(list.first()).toContainText('Редакція 3');
  await list.first().click();
  const diff = page.locator('.diff-text');
  await expect(diff.locator('del')).toHaveText(['підвалі']);
  await expect(diff.locator('ins')).toHaveText(['камері']);
  await page.screenshot({ path: testInfo.outputPath('01-history.png'), fullPage: true });

  // Search finds the current text by part of a word, and not the text edited out.
  await page.getByLabel(m.testimony.search).fill('камер');
  await expect(page.locator('.search-results mark')).toHaveText(['камер']);
  await expect(page.locator('.search-results .record-code-small')).toHaveText(['HIST-1']);
  await page.getByLabel(m.testimony.search).fill('підвал');
  await expect(page.locator('.search-results')).toContainText(m.testimony.noResults);
  await page.screenshot({ path: testInfo.outputPath('02-search.png'), fullPage: true });
  await page.getByLabel(m.testimony.search).fill('');

  // A fourth save appears in the open list without reopening it.
  await editor.fill(`${versions[2]} Потім перевели.`);
  await expect(status).toHaveAttribute('data-state', 'saved');
  await expect(list).toHaveCount(4);
});
