/**
 * The people register (co-detainees and witnesses) in Chromium, in each UI language: added and
 * edited on the registers screen like perpetrators, with roles; linked from a co-detainee of
 * section F through the picker (the current template, v2, links that field); and the entry then
 * lists the testimony that mentions it. Each screen passes the raw-key and axe checks.
 */
import type { Page, TestInfo } from '@playwright/test';
import { catalogues } from '../../shared/i18n';
import type { Messages } from '../../shared/i18n';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, openSection } from './rig/flows';
import { fillSection } from './rig/interview-steps';
import { screenChecker } from './rig/screen-checks';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { findSection } from '../../shared/forms/template';
import type { Section } from '../../shared/forms/template';

for (const lang of ['uk', 'en'] as const) {
  const m = catalogues[lang];
  const name = lang === 'uk' ? 'Ольга Бондаренко' : 'Olha Bondarenko';

  test.describe(`people register (${lang} UI)`, () => {
    test.use({ uiLocale: lang === 'uk' ? 'uk-UA' : 'en-US' });

    test('a co-detainee is added with roles, edited, linked from section F, and lists the testimony', async ({
      page,
      rig,
    }, testInfo) => {
      const code = `PEOPLE-${lang.toUpperCase()}-1`;
      const shot = screenshotter(page, testInfo);
      const screens = screenChecker(page, testInfo);
      await page.goto(`${rig.url}/`);
      await createVault(page, m);
      await createTestimony(page, m, code);

      // The registers screen: a third list, with its own add button.
      await openRegisters(page, m);
      const people = page.getByRole('region', { name: m.registers.people });
      await expect(people).toBeVisible();
      await expect(people).toContainText(m.registers.empty);
      await people.getByRole('button', { name: m.registers.addPerson }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toHaveAccessibleName(m.registers.newPerson);
      // A person needs a name: the form says so and stores nothing.
      await dialog.getByRole('button', { name: m.registers.save, exact: true }).click();
      await expect(dialog.getByRole('alert')).toHaveText(m.registers.needPersonName);
      await dialog.getByLabel(m.registers.names, { exact: true }).fill(`${name}\nОля`);
      await dialog.getByRole('checkbox', { name: m.registers.roleNames.co_detainee }).check();
      await dialog.getByRole('checkbox', { name: m.registers.roleNames.witness }).check();
      await dialog.getByLabel(m.registers.description, { exact: true }).fill('Камера № 3');
      await screens.check('registers-new-person');
      await shot('01-new-person');
      await dialog.getByRole('button', { name: m.registers.save, exact: true }).click();
      await expect(dialog).toBeHidden();

      // Listed with its other name and roles; open for editing: a role taken away.
      const entry = people.getByRole('button', { name: name });
      await expect(entry).toHaveText(
        `${name} · Оля · ${m.registers.roleNames.co_detainee}, ${m.registers.roleNames.witness}`,
      );
      await entry.click();
      const edit = page.getByRole('region', { name: m.registers.editTitle });
      await expect(edit.getByLabel(m.registers.description, { exact: true })).toHaveValue(
        'Камера № 3',
      );
      await edit.getByRole('checkbox', { name: m.registers.roleNames.witness }).uncheck();
      await edit.getByRole('button', { name: m.registers.save, exact: true }).click();
      await expect(edit.getByRole('status')).toHaveText(m.registers.saved);
      await expect(entry).toHaveText(`${name} · Оля · ${m.registers.roleNames.co_detainee}`);
      await expect(page.getByRole('region', { name: m.registers.mentions })).toContainText(
        m.registers.noMentions,
      );
      await screens.check('registers-people');
      await shot('02-registers');

      // Section F: the co-detainee is picked from the people register.
      await page
        .getByRole('navigation', { name: m.testimony.listTitle })
        .getByRole('button', { name: code })
        .click();
      await openSection(page, m, 'F');
      await fillSection(page, m, lang, {
        section: findSection(CURRENT_TEMPLATE, 'F') as Section,
        fields: {
          codetainees: {
            kind: 'group',
            items: [{ who: { kind: 'entry', register: 'people', name, add: false } }],
          },
        },
      });
      await expect(page.locator('section[data-section="F"]').getByRole('status')).toHaveAttribute(
        'data-state',
        'saved',
      );
      await screens.check('section-F-person-linked');
      await shot('03-section-F');

      // The entry now lists the testimony, with where.
      await openRegisters(page, m);
      await people.getByRole('button', { name: name }).click();
      const mentions = page.getByRole('region', { name: m.registers.mentions });
      await expect(mentions.getByRole('button', { name: code })).toBeVisible();
      await shot('04-mentions');
      expect(screens.screens).toHaveLength(3);
    });
  });
}

async function openRegisters(page: Page, m: Messages) {
  await page.getByRole('button', { name: m.registers.open, exact: true }).click();
  await expect(page.getByRole('heading', { name: m.registers.title, level: 1 })).toBeVisible();
}

function screenshotter(page: Page, testInfo: TestInfo) {
  return async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  };
}
