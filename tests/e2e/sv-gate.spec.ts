/**
 * Issue 4, the flow: the sexual-violence section shows only when the interviewer marks themself
 * qualified AND the survivor gave the specific consent. Each half alone leaves it hidden: qualified
 * without the consent, then the consent without "qualified" (the box unticked again).
 */
import type { Locator, Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, openSection, recordConsent, sectionNav } from './rig/flows';
import { screenChecker } from './rig/screen-checks';

function svButton(page: Page, m: Messages): Locator {
  return sectionNav(page, m).locator('button[data-section="SV"]');
}

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`sexual-violence section gate (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('hidden unless qualified and specifically consented', async ({ page, rig }, testInfo) => {
      const screens = screenChecker(page, testInfo);
      const qualified = page.getByLabel(m.interview.qualified, { exact: true });
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      // Consent to the interview and to storing identifying data, not to the SV questions.
      await createTestimony(page, m, `SV-${lang.toUpperCase()}-1`);
      await expect(sectionNav(page, m).locator('button[data-section="B"]')).toBeVisible();
      await expect(svButton(page, m)).toHaveCount(0);

      // Qualified, but no specific consent: still hidden, and the help says what is missing.
      await qualified.check();
      await expect(page.locator('.qualified .help')).toHaveText(m.interview.svNeedsConsent);
      await expect(svButton(page, m)).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`${lang}-qualified-no-consent.png`) });
      await screens.check('qualified-without-sv-consent');

      // The specific consent recorded in section B: the section appears and opens.
      await recordConsent(page, m, ['sexual_violence_questions']);
      await expect(svButton(page, m)).toBeVisible();
      await openSection(page, m, 'SV');
      await page.screenshot({ path: testInfo.outputPath(`${lang}-sv-open.png`) });
      await screens.check('sv-section');

      // Consent without "qualified": hidden again, and its page is left.
      await qualified.uncheck();
      await expect(svButton(page, m)).toHaveCount(0);
      await expect(page.locator('section[data-section="SV"]')).toHaveCount(0);
    });
  });
}
