/** Steps several e2e tests share, written once, in whichever UI language the test runs. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Messages } from '../../../shared/i18n';

export const PASSPHRASE = 'correct horse battery staple';

/**
 * Creates the vault through the UI and passes the one-time recovery-key notice; returns the key
 * as shown. `beforeContinue` may screenshot the notice.
 */
export async function createVault(
  page: Page,
  m: Messages,
  beforeContinue?: () => Promise<void>,
): Promise<string> {
  await page.getByLabel(m.vault.passphrase, { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(m.vault.passphraseConfirm).fill(PASSPHRASE);
  await page.getByRole('button', { name: m.vault.create }).click();
  await expect(page.getByRole('heading', { name: m.recovery.title })).toBeVisible();
  const key = (await page.getByLabel(m.recovery.field, { exact: true }).textContent()) ?? '';
  expect(key.length).toBeGreaterThan(20);
  const proceed = page.getByRole('button', { name: m.recovery.continue });
  await expect(proceed).toBeDisabled();
  await page.getByLabel(m.recovery.confirm).check();
  await beforeContinue?.();
  await proceed.click();
  await expect(page.getByRole('heading', { name: m.testimony.newTitle })).toBeVisible();
  return key;
}

export async function createTestimony(page: Page, m: Messages, recordCode: string) {
  await page.getByLabel(m.testimony.recordCode).fill(recordCode);
  await page.getByRole('button', { name: m.testimony.create, exact: true }).click();
  await expect(page.getByRole('heading', { name: recordCode })).toBeVisible();
}

/** Waits for the unlock screen (a lock is asynchronous: it saves first), then unlocks. */
export async function unlock(page: Page, m: Messages, passphrase = PASSPHRASE) {
  await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
  await page.getByLabel(m.vault.passphrase, { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
}
