/**
 * Issue 4, consent first: an interviewer who fills in section B's identifying questions before
 * recording consent is told why nothing is saved, in the UI's language, and loses nothing: the
 * answers stay in the form and are saved with the consent. Main is asked what it stored.
 */
import { CONSENT_SECTION } from '../../shared/forms/consent';
import type { SectionAnswers } from '../../shared/forms/answers';
import { catalogues } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import type { Rig } from './rig/fixtures';
import { createTestimony, createVault, openSection, recordConsent } from './rig/flows';
import { topField } from './rig/interview-steps';
import { screenChecker } from './rig/screen-checks';

interface StoredB {
  readonly answers: SectionAnswers;
  readonly revision: number;
}

async function storedB(rig: Rig, recordCode: string): Promise<StoredB> {
  const list = (await rig.api.dispatch('testimony:list', {})) as {
    ok: true;
    value: { items: Array<{ id: string; recordCode: string }> };
  };
  const id = list.value.items.find((t) => t.recordCode === recordCode)!.id;
  const got = (await rig.api.dispatch('interview:get', { testimonyId: id })) as {
    ok: true;
    value: { sections: Record<string, StoredB> };
  };
  return got.value.sections[CONSENT_SECTION]!;
}

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`identifying answers before consent (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-GB' });

    test('wait in the form with a message, and are saved with the consent', async ({
      page,
      rig,
    }, testInfo) => {
      const screens = screenChecker(page, testInfo);
      const recordCode = `WAIT-${lang.toUpperCase()}`;
      const relatives = `Брат Олег досі в полоні («${lang}»)`;
      const b = page.locator(`section[data-section="${CONSENT_SECTION}"]`);
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, recordCode, { consent: false });
      // Every other page is locked until consent, and says so: the free account and a section.
      for (const locked of ['narrative', 'C'] as const) {
        await openSection(page, m, locked);
        const note = page.getByRole('note', { name: m.interview.consentFirstTitle });
        await expect(note).toBeVisible();
        await expect(note.getByRole('button', { name: m.interview.goToConsent })).toBeVisible();
        await screens.check(`consent-first-${locked}`);
      }
      await openSection(page, m, CONSENT_SECTION);

      const field = topField(page, CONSENT_SECTION, 'relatives_at_risk');
      await field.locator('textarea').fill(relatives);
      await expect(b.getByRole('status')).toHaveAttribute('data-state', 'failed');
      const notice = b.getByRole('alert');
      await expect(notice.getByRole('heading')).toHaveText(m.interview.identifyingWaitsTitle);
      await expect(notice).toContainText(m.interview.identifyingWaits);
      await expect(field.locator('[data-identifying-waits]')).toHaveText(
        m.interview.identifyingField,
      );
      // Only the identifying questions carry the note.
      await expect(b.locator('.q [data-identifying-waits]')).toHaveCount(2);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`${lang}-waiting-top.png`) });
      await field.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`${lang}-waiting-field.png`) });
      await page.screenshot({
        path: testInfo.outputPath(`${lang}-waiting-page.png`),
        fullPage: true,
      });
      await screens.check('identifying-waits');
      expect(await storedB(rig, recordCode)).toMatchObject({ answers: {}, revision: 0 });

      // Recording both consents saves them and what waited, in one revision.
      await recordConsent(page, m);
      await openSection(page, m, CONSENT_SECTION);
      await expect(field.locator('textarea')).toHaveValue(relatives);
      await expect(b.locator('[data-identifying-waits]')).toHaveCount(0);
      await expect(b.getByRole('status')).toHaveAttribute('data-state', 'saved');
      const saved = await storedB(rig, recordCode);
      expect(saved.revision).toBe(1);
      expect(saved.answers['relatives_at_risk']).toEqual({ state: 'answered', value: relatives });
    });
  });
}
