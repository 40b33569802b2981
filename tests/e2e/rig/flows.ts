/** Steps several e2e tests share, written once, in whichever UI language the test runs. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { CONSENT_SCOPES_FIELD } from '../../../shared/forms/consent';
import type { ConsentScope } from '../../../shared/forms/consent';
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

/**
 * Creates a testimony and, unless told not to, records consent through section B (nothing else
 * can be saved before it), leaving the free-account page open.
 */
export async function createTestimony(
  page: Page,
  m: Messages,
  recordCode: string,
  options: { consent?: boolean } = {},
) {
  await page.getByLabel(m.testimony.recordCode).fill(recordCode);
  await page.getByRole('button', { name: m.testimony.create, exact: true }).click();
  await expect(page.getByRole('heading', { name: recordCode })).toBeVisible();
  if (options.consent !== false) await recordConsent(page, m);
}

/** The interview's section navigator. */
export function sectionNav(page: Page, m: Messages): Locator {
  return page.getByRole('navigation', { name: m.interview.sections });
}

/** Opens a section ('B') or the free account ('narrative') from the navigator. */
export async function openSection(page: Page, m: Messages, section: string) {
  const nav = sectionNav(page, m);
  if (section === 'narrative') {
    await nav.getByRole('button', { name: m.interview.freeAccount }).click();
    await expect(
      page.getByRole('heading', { name: m.interview.freeAccount, level: 2 }),
    ).toBeVisible();
  } else {
    await nav.locator(`button[data-section="${section}"]`).click();
    await expect(page.locator(`section[data-section="${section}"]`)).toBeVisible();
  }
}

/** Picks a vocabulary code in a choice field, whether it shows as radio buttons or a list. */
export async function choose(scope: Locator, fieldId: string, code: string) {
  const field = scope.locator(`[data-field="${fieldId}"]`);
  const select = field.locator('select');
  if ((await select.count()) > 0) await select.selectOption(code);
  else await field.locator(`input[type="radio"][value="${code}"]`).check();
}

/**
 * Records consent the way an interviewer does, in section B: one row per scope, granted today,
 * in writing. By default the two scopes that let everything else be saved. Returns to the free
 * account once main has accepted it (the narrative becomes editable).
 */
export async function recordConsent(
  page: Page,
  m: Messages,
  scopes: readonly ConsentScope[] = ['interview', 'store_identifying'],
) {
  await openSection(page, m, 'B');
  const group = page.locator(`section[data-section="B"] [data-field="${CONSENT_SCOPES_FIELD}"]`);
  for (const scope of scopes) {
    const before = await group.locator('[data-item]').count();
    await group.locator('.group-actions button').first().click();
    const item = group.locator('[data-item]').nth(before);
    await choose(item, 'scope', scope);
    await choose(item, 'decision', 'granted');
    await item.locator('[data-field="date"]').getByRole('button', { name: m.field.today }).click();
    await choose(item, 'method', 'written');
  }
  await expect(page.locator('section[data-section="B"]').getByRole('status')).toHaveAttribute(
    'data-state',
    'saved',
  );
  await openSection(page, m, 'narrative');
  await expect(page.getByLabel(m.testimony.narrative)).toBeEditable();
}

/** Waits for the unlock screen (a lock is asynchronous: it saves first), then unlocks. */
export async function unlock(page: Page, m: Messages, passphrase = PASSPHRASE) {
  await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
  await page.getByLabel(m.vault.passphrase, { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: m.vault.unlock, exact: true }).click();
}
