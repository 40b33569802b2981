/**
 * A withdrawal of consent is shown wherever the testimony appears: the testimony list, the
 * search results, the mention list of a register entry the testimony links to, and the banner
 * of the interview itself. A testimony still consenting carries no such mark, so each check
 * would fail if the mark were missing or shown regardless.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { CONSENT_WITHDRAWALS_FIELD } from '../../shared/forms/consent';
import type { PlaceField } from '../../shared/forms/template';
import { findVocabulary } from '../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { choose, createTestimony, createVault, openSection, recordConsent } from './rig/flows';
import { entryName } from './rig/interview-plan';
import { fillSection } from './rig/interview-steps';
import { screenChecker } from './rig/screen-checks';

const WITHDRAWN = 'share_ngo';

/** The first section with a place question of its own (not inside a group): it links a facility. */
const PLACE = (() => {
  for (const section of CURRENT_TEMPLATE.sections) {
    const field = section.fields.find((f): f is PlaceField => f.kind === 'place');
    if (field) return { section, field };
  }
  throw new Error('the template asks no place outside a group');
})();

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];
  const facility = entryName('facilities', lang);
  const scopeLabel = findVocabulary(CURRENT_TEMPLATE, 'consent_scopes')?.terms.find(
    (term) => term.code === WITHDRAWN,
  )?.label[lang];

  test.describe(`consent withdrawal (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a withdrawn scope is marked in the list, the search, the register mentions and the interview', async ({
      page,
      rig,
    }, testInfo) => {
      const code = `WD-${lang.toUpperCase()}-1`;
      const word = `Соняшники${lang}`;
      const shot = screenshotter(page, testInfo);
      const screens = screenChecker(page, testInfo);
      expect(scopeLabel).toBeTruthy();

      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, code, { consent: false });
      await recordConsent(page, m, ['interview', 'store_identifying', WITHDRAWN]);
      await page.getByLabel(m.testimony.narrative).fill(`Поле, де росли ${word}, і підвал.`);
      await expect(page.locator('.narrative-page').getByRole('status')).toHaveAttribute(
        'data-state',
        'saved',
      );
      // The testimony names a facility of the register (added on the spot).
      await openSection(page, m, PLACE.section.id);
      await fillSection(page, m, lang, {
        section: PLACE.section,
        fields: {
          [PLACE.field.id]: { kind: 'entry', register: 'facilities', name: facility, add: true },
        },
      });
      await expect(
        page.locator(`section[data-section="${PLACE.section.id}"]`).getByRole('status'),
      ).toHaveAttribute('data-state', 'saved');

      // Before the withdrawal: no mark anywhere.
      await expect(listEntry(page, m, code)).toBeVisible();
      await expect(listEntry(page, m, code)).not.toContainText(m.interview.withdrawnBadge);
      await expect(banner(page, m)).toHaveCount(0);
      await openMentions(page, m, facility);
      await expect(mention(page, m, code)).toBeVisible();
      await expect(mention(page, m, code)).not.toContainText(m.interview.withdrawnBadge);
      await shot('01-mentions-before');
      await screens.check('mentions-before');

      // The survivor withdraws one sharing scope: recorded in section B.
      await mention(page, m, code).click();
      await openSection(page, m, 'B');
      const withdrawals = page.locator(
        `section[data-section="B"] [data-field="${CONSENT_WITHDRAWALS_FIELD}"]`,
      );
      await withdrawals.locator('.group-actions button').first().click();
      const item = withdrawals.locator('[data-item]').first();
      await choose(item, 'scope', WITHDRAWN);
      await item
        .locator('[data-field="date"]')
        .getByRole('button', { name: m.field.today })
        .click();
      await item.locator('[data-field="recipients_told"] input[type="radio"][value="no"]').check();
      await expect(page.locator('section[data-section="B"]').getByRole('status')).toHaveAttribute(
        'data-state',
        'saved',
      );

      // The interview: a banner naming what was withdrawn.
      await expect(banner(page, m)).toBeVisible();
      await expect(banner(page, m)).toContainText(scopeLabel!);
      await shot('02-interview-banner');
      await screens.check('interview-withdrawal-banner');

      // The testimony list.
      await expect(listEntry(page, m, code)).toContainText(m.interview.withdrawnBadge);

      // The search results.
      await page.getByLabel(m.testimony.search).fill(word);
      const hit = page.locator('.search-results').getByRole('button', { name: code });
      await expect(hit).toBeVisible();
      await expect(hit).toContainText(m.interview.withdrawnBadge);
      await shot('03-list-and-search');
      await screens.check('list-and-search-withdrawn');

      // The register entry's mentions.
      await openMentions(page, m, facility);
      await expect(mention(page, m, code)).toContainText(m.interview.withdrawnBadge);
      await shot('04-mentions-after');
      await screens.check('mentions-withdrawn');

      // And back in the interview from there, the banner again.
      await mention(page, m, code).click();
      await expect(page.getByRole('heading', { name: code, level: 1 })).toBeVisible();
      await expect(banner(page, m)).toBeVisible();
    });
  });
}

function listEntry(page: Page, m: Messages, code: string): Locator {
  return page
    .getByRole('navigation', { name: m.testimony.listTitle })
    .getByRole('button', { name: code });
}

function banner(page: Page, m: Messages): Locator {
  return page.getByRole('note', { name: m.interview.withdrawnTitle });
}

function mention(page: Page, m: Messages, code: string): Locator {
  return page
    .getByRole('region', { name: m.registers.mentions })
    .getByRole('button', { name: code });
}

async function openMentions(page: Page, m: Messages, entry: string) {
  await page.getByRole('button', { name: m.registers.open, exact: true }).click();
  await expect(page.getByRole('heading', { name: m.registers.title, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: entry }).click();
  await expect(page.getByRole('region', { name: m.registers.mentions })).toBeVisible();
}

function screenshotter(page: Page, testInfo: TestInfo) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: false });
  };
}
