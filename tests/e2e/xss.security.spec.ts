/**
 * Hostile text renders as text. A narrative full of markup round-trips unchanged and never
 * executes; a record code with markup is refused; and the CSP stops inline script even if some
 * future bug let markup into the page.
 */
import { catalogues } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createVault, recordConsent, unlock } from './rig/flows';

const m = catalogues.en;
const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">link</a>',
  '<svg onload="window.__pwned=4"></svg>',
  '\u202Egnp.exe\u202C',
].join('\n');

test.use({ uiLocale: 'en-US' });

test('a narrative of markup is stored and shown as text, and nothing runs', async ({
  page,
  rig,
}) => {
  await page.goto(`${rig.url}/`);
  await createVault(page, m);

  await page.getByLabel(m.testimony.recordCode).fill('<img src=x onerror=alert(1)>');
  await page.getByRole('button', { name: m.testimony.create, exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(m.errors.BAD_INPUT);

  await page.getByLabel(m.testimony.recordCode).fill('XSS-1');
  await page.getByRole('button', { name: m.testimony.create, exact: true }).click();
  await recordConsent(page, m);
  const editor = page.getByLabel(m.testimony.narrative);
  await editor.fill(XSS);
  await expect(page.getByRole('status')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: m.vault.lock }).click();
  await unlock(page, m);
  await page.getByRole('button', { name: 'XSS-1' }).click();
  await expect(page.getByLabel(m.testimony.narrative)).toHaveValue(XSS);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img, svg, script:not([src])').count()).toBe(0);
});

test('the CSP blocks inline script and inline handlers even when markup gets in', async ({
  page,
  rig,
}) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(`${rig.url}/`);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "inline script"';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('src', 'data:,x');
    img.setAttribute('onerror', 'window.__pwned = "handler"');
    document.body.append(img);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
});
