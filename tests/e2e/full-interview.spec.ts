/**
 * Issue 4's acceptance test: a complete interview through every section of the current
 * template, in the Ukrainian and in the English UI — repeatable groups, an approximate date, a
 * body-map selection, a place from the register added on the spot, unknown and declined answers,
 * a break, a skipped section, a stop and a resume as a new session — then lock, unlock and find
 * every answer back, on screen and in what main stored. Every screen on the way is checked with
 * axe-core and for message keys shown raw. Screenshots of each section go to the test's output.
 */
import type { Page } from '@playwright/test';
import { CONSENT_SECTION } from '../../shared/forms/consent';
import { deriveFlow } from '../../shared/forms/sessions';
import type { InterviewEvent } from '../../shared/forms/sessions';
import type { GroupField } from '../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import type { Rig } from './rig/fixtures';
import {
  createTestimony,
  createVault,
  openSection,
  recordConsent,
  sectionNav,
  unlock,
} from './rig/flows';
import { countEntries, entryName, expectedAnswers, planInterview } from './rig/interview-plan';
import type { Lang, SectionPlan } from './rig/interview-plan';
import { fillSection, topField, verifySection } from './rig/interview-steps';
import { screenChecker } from './rig/screen-checks';

/** The group where an extra item is added and removed again, through its confirmation. */
const REMOVE_IN = { section: 'I', field: 'acts' } as const;
/** The section skipped, with a reason, once everything is filled in. */
const SKIPPED = 'G';

/** How F's first place of detention reads its date of arrival, `2022-03~`. */
const APPROXIMATE_READING = { uk: 'приблизно березень 2022', en: 'about March 2022' };

/** A message with its placeholders filled in, as i18next does. */
const fmt = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** The flow bar's "Session n · since …", up to the time. */
const sessionText = (m: Messages, n: number) => fmt(m.flow.inSession.split('{{time}}')[0]!, { n });

async function api<T>(rig: Rig, channel: string, input: unknown): Promise<T> {
  const result = (await rig.api.dispatch(channel, input)) as { ok: boolean; value: T };
  expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
  return result.value;
}

async function sectionTitleShown(page: Page, plan: SectionPlan, lang: Lang) {
  const { id, title } = plan.section;
  await expect(
    page.locator(`section[data-section="${id}"]`).getByRole('heading', { level: 2 }),
  ).toHaveText(`${id}. ${title[lang]}`);
}

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];

  test.describe(`full interview (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-GB' });

    test('every section answered, paused, stopped, resumed, locked and found back', async ({
      page,
      rig,
    }, testInfo) => {
      test.setTimeout(150_000);
      const screens = screenChecker(page, testInfo);
      const plans = planInterview(CURRENT_TEMPLATE, lang);
      const recordCode = `FULL-${lang.toUpperCase()}-1`;
      const narrative = `Мене затримали 14 березня 2022 року на блокпосту під Херсоном. «${lang}-narrative»\nПотім везли із зав’язаними очима.`;
      const skipReason = `Особа не хоче про це говорити («${lang}»)`;
      const stopReason = `Особа втомилася («${lang}»)`;
      const flowState = page.locator('.flow-state');
      const flowBar = page.getByRole('group', { name: m.flow.label });
      const editor = page.getByLabel(m.testimony.narrative, { exact: true });
      const shot = (name: string) =>
        page.screenshot({ path: testInfo.outputPath(`${lang}-${name}.png`), fullPage: true });

      // 1. The vault, the shortcuts help, a testimony, consent (the SV scope too), a session.
      await page.goto(`${rig.url}/`);
      await expect(page.getByRole('heading', { name: m.vault.createTitle })).toBeVisible();
      await screens.check('create-vault');
      await createVault(page, m, () => screens.check('recovery-key'));
      await screens.check('workspace');
      await page.keyboard.press('F1');
      const help = page.getByRole('dialog', { name: m.shortcuts.title });
      await expect(help).toBeVisible();
      await screens.check('shortcuts-help');
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      await createTestimony(page, m, recordCode, { consent: false });
      await expect(page.locator(`section[data-section="${CONSENT_SECTION}"]`)).toBeVisible();
      await screens.check('consent-before');
      await recordConsent(page, m, ['interview', 'store_identifying', 'sexual_violence_questions']);
      await expect(flowState).toHaveAttribute('data-state', 'not_started');
      await flowBar.getByRole('button', { name: m.flow.start, exact: true }).click();
      await expect(flowState).toHaveAttribute('data-state', 'in_session');
      await expect(flowState).toContainText(sessionText(m, 1));

      // 2. The free account first, in the survivor's words.
      await editor.fill(narrative);
      await expect(page.locator('.narrative-page').getByRole('status')).toHaveAttribute(
        'data-state',
        'saved',
      );
      await shot('free-account');
      await screens.check('free-account');

      // 3. Every section, SV once the interviewer is marked qualified (hidden until then).
      await expect(sectionNav(page, m).locator('button[data-section="SV"]')).toHaveCount(0);
      await page.getByLabel(m.interview.qualified, { exact: true }).check();
      await expect(sectionNav(page, m).locator('button[data-section="SV"]')).toBeVisible();
      const checkedDialogs = new Set<string>();
      for (const plan of plans) {
        const id = plan.section.id;
        await openSection(page, m, id);
        await sectionTitleShown(page, plan, lang);
        await fillSection(page, m, lang, plan, {
          onRegisterDialog: async (register) => {
            if (checkedDialogs.has(register)) return;
            checkedDialogs.add(register);
            await screens.check(`add-to-register-${register}`);
          },
        });
        if (id === REMOVE_IN.section) await addAndRemoveItem(page, m, lang, screens.check);
        // The check takes longer than the save's debounce: the save completes meanwhile.
        await screens.check(`section-${id}`);
        await expect(
          page.locator(`section[data-section="${id}"]`).getByRole('status'),
        ).toHaveAttribute('data-state', 'saved');
        await shot(`section-${id}`);
      }
      expect(checkedDialogs).toEqual(new Set(['facilities', 'perpetrators', 'people']));

      // 4. A break hides the testimony; a skip with a reason; a stop, and a new session.
      await openSection(page, m, 'narrative');
      await expect(editor).toBeVisible();
      await page.keyboard.press('Alt+KeyB');
      const breakDialog = page.getByRole('dialog');
      await expect(breakDialog).toContainText(m.flow.breakHint);
      await expect(flowState).toHaveAttribute('data-state', 'on_break');
      await expect(editor).toBeHidden();
      await expect(sectionNav(page, m)).toBeHidden();
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(`«${lang}-`);
      await shot('break');
      await screens.check('break');
      await breakDialog.getByRole('button', { name: m.flow.resume, exact: true }).click();
      await expect(breakDialog).toBeHidden();
      await expect(flowState).toHaveAttribute('data-state', 'in_session');
      await expect(editor).toHaveValue(narrative);

      const skipped = CURRENT_TEMPLATE.sections.find((s) => s.id === SKIPPED)!;
      await openSection(page, m, SKIPPED);
      await flowBar.getByRole('button', { name: m.flow.skip, exact: true }).click();
      const skipDialog = page.getByRole('dialog', {
        name: fmt(m.flow.skipTitle, { section: skipped.title[lang] }),
      });
      await skipDialog.getByLabel(m.flow.skipReason, { exact: true }).fill(skipReason);
      await screens.check('skip-dialog');
      await skipDialog.getByRole('button', { name: m.flow.skipConfirm, exact: true }).click();
      await expect(skipDialog).toBeHidden();
      const next = plans[plans.findIndex((p) => p.section.id === SKIPPED) + 1]!.section.id;
      await expect(page.locator(`section[data-section="${next}"]`)).toBeVisible();
      const skippedNav = sectionNav(page, m).locator(`button[data-section="${SKIPPED}"]`);
      await expect(skippedNav).toContainText(m.interview.skipped);

      await flowBar.getByRole('button', { name: m.flow.stop, exact: true }).click();
      const stopDialog = page.getByRole('dialog', { name: m.flow.stopTitle });
      await stopDialog.getByLabel(m.flow.stopReason, { exact: true }).fill(stopReason);
      await screens.check('stop-dialog');
      await stopDialog.getByRole('button', { name: m.flow.stopConfirm, exact: true }).click();
      await expect(stopDialog).toBeHidden();
      await expect(flowState).toHaveAttribute('data-state', 'stopped');
      await screens.check('stopped');
      await flowBar.getByRole('button', { name: m.flow.resumeNew, exact: true }).click();
      await expect(flowState).toHaveAttribute('data-state', 'in_session');
      await expect(flowState).toContainText(sessionText(m, 2));

      // 5. Lock, unlock, and every answer back on screen.
      await page.keyboard.press('Control+KeyL');
      await expect(page.getByRole('heading', { name: m.vault.unlockTitle })).toBeVisible();
      const locked = await page.content();
      expect(locked).not.toContain(`«${lang}-`);
      expect(locked).not.toContain(recordCode);
      await screens.check('unlock');
      await unlock(page, m);
      await page.getByRole('button', { name: recordCode }).click();
      await expect(flowState).toHaveAttribute('data-state', 'in_session');
      await expect(flowState).toContainText(sessionText(m, 2));
      await expect(editor).toHaveValue(narrative);

      const registers = await api<{
        facilities: Array<{ id: string; name: string }>;
        perpetrators: Array<{ id: string; names: string[] }>;
        people: Array<{ id: string; names: string[] }>;
      }>(rig, 'register:list', {});
      const entryIds: Record<string, string> = Object.fromEntries([
        ...registers.facilities.map((f) => [f.name, f.id]),
        ...registers.perpetrators.map((p) => [p.names[0], p.id]),
        ...registers.people.map((p) => [p.names[0], p.id]),
      ]);
      expect(Object.keys(entryIds).sort()).toEqual(
        [
          entryName('facilities', lang),
          entryName('perpetrators', lang),
          entryName('perpetrators', lang, 2),
          entryName('people', lang),
        ].sort(),
      );
      for (const plan of plans) {
        await openSection(page, m, plan.section.id);
        await sectionTitleShown(page, plan, lang);
        await verifySection(page, m, lang, plan, entryIds);
      }
      // The approximate date reads in words, independently of the formatter used above.
      await openSection(page, m, 'F');
      await expect(
        topField(page, 'F', 'places')
          .locator('[data-item]')
          .first()
          .locator('[data-field="date_in"] .date-reading'),
      ).toContainText(APPROXIMATE_READING[lang]);
      await openSection(page, m, SKIPPED);
      await expect(page.locator(`section[data-section="${SKIPPED}"] .skip-note`)).toContainText(
        skipReason,
      );
      await expect(skippedNav).toContainText(m.interview.skipped);

      // 6. What main stored is what the UI showed; the custody log verifies.
      const testimony = await testimonyId(rig, recordCode);
      const interview = await api<{
        sections: Record<string, { answers: Record<string, unknown> }>;
        events: InterviewEvent[];
      }>(rig, 'interview:get', { testimonyId: testimony });
      for (const plan of plans) {
        const stored = interview.sections[plan.section.id]?.answers ?? {};
        const expected = expectedAnswers(plan, entryIds);
        if (plan.section.id === CONSENT_SECTION) {
          expect(stored).toMatchObject(expected);
          expect(Object.keys(stored).sort()).toEqual([...Object.keys(expected), 'scopes'].sort());
        } else expect(stored, `section ${plan.section.id}`).toEqual(expected);
      }
      const stored = await api<{ narrative: string }>(rig, 'testimony:get', { id: testimony });
      expect(stored.narrative).toBe(narrative);
      const flow = deriveFlow(interview.events);
      expect(flow.qualified).toBe(true);
      expect(flow.state).toBe('in_session');
      expect(flow.sessions).toHaveLength(2);
      expect(flow.sessions[0]).toMatchObject({ stopped: true, stopReason });
      expect(flow.sessions[0]!.breaks).toHaveLength(1);
      expect(flow.sessions[0]!.breaks[0]!.endedAt).not.toBeNull();
      expect(flow.sessions[0]!.skipped).toEqual([
        { sectionId: SKIPPED, at: expect.any(String), reason: skipReason },
      ]);
      expect(await api(rig, 'custody:verify', {})).toMatchObject({ ok: true, firstBad: null });

      // The registers: the facility added on the spot lists this testimony.
      await page.getByRole('button', { name: m.registers.open, exact: true }).click();
      await expect(page.getByRole('heading', { name: m.registers.title, level: 1 })).toBeVisible();
      await page.getByRole('button', { name: entryName('facilities', lang) }).click();
      await expect(page.locator('.mention-list')).toContainText(recordCode);
      // One mention for each field that refers to it, as main indexed them.
      const facilityId = entryIds[entryName('facilities', lang)]!;
      const mentions = await api<{ items: Array<{ recordCode: string; paths: string[] }> }>(
        rig,
        'register:mentions',
        { register: 'facilities', id: facilityId },
      );
      expect(mentions.items.map((i) => [i.recordCode, i.paths.length])).toEqual([
        [recordCode, countEntries(plans, 'facilities')],
      ]);
      await shot('registers');
      await screens.check('registers');

      testInfo.annotations.push({
        type: 'screens checked',
        description: `${screens.screens.length}: ${screens.screens.join(', ')}`,
      });
      if (screens.lesser.length > 0) {
        testInfo.annotations.push({
          type: 'minor/moderate axe findings',
          description: screens.lesser
            .map((f) => `${f.screen}: ${f.impact} ${f.rule} ${f.targets.join(' ')}`)
            .join('\n'),
        });
      }
    });
  });
}

async function testimonyId(rig: Rig, recordCode: string): Promise<string> {
  const list = await api<{ items: Array<{ id: string; recordCode: string }> }>(
    rig,
    'testimony:list',
    {},
  );
  return list.items.find((t) => t.recordCode === recordCode)!.id;
}

/** Adds one more item to the group and removes it again, through the confirmation dialog. */
async function addAndRemoveItem(
  page: Page,
  m: Messages,
  lang: Lang,
  check: (screen: string) => Promise<void>,
) {
  const group = topField(page, REMOVE_IN.section, REMOVE_IN.field);
  const items = group.locator('[data-item]');
  const before = await items.count();
  await group.locator(':scope > .q-control .group-actions button').first().click();
  await expect(items).toHaveCount(before + 1);
  const field = CURRENT_TEMPLATE.sections
    .find((s) => s.id === REMOVE_IN.section)!
    .fields.find((f) => f.id === REMOVE_IN.field) as GroupField;
  const names = { item: field.itemLabel[lang], n: before + 1 };
  await items
    .nth(before)
    .getByRole('button', { name: fmt(m.field.group.remove, names), exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: fmt(m.field.group.removeTitle, names) });
  await expect(dialog).toBeVisible();
  await check('remove-item-dialog');
  await dialog.getByRole('button', { name: m.field.group.removeConfirm, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(items).toHaveCount(before);
}
