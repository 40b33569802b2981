/**
 * The planned interview (interview-plan.ts) through the UI: each section's answers filled in,
 * and found back on screen after a lock and an unlock.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { formatApproximateDate } from '../../../shared/forms/approximate-date';
import type { RegisterName } from '../../../shared/forms/registers';
import type { Messages } from '../../../shared/i18n';
import type { Lang, Planned, SectionPlan } from './interview-plan';

/** A top-level question of the open section. */
export function topField(page: Page, sectionId: string, fieldId: string): Locator {
  return page.locator(
    `section[data-section="${sectionId}"] > fieldset.fields > [data-field="${fieldId}"]`,
  );
}

const stateButton = (field: Locator, name: string) =>
  field.locator(':scope > .q-states').getByRole('button', { name, exact: true });

export interface FillHooks {
  /** Called with the add-to-register dialog open, before it is saved. */
  onRegisterDialog?: (register: RegisterName) => Promise<void>;
}

/** Answers the open section's fields as planned. */
export async function fillSection(
  page: Page,
  m: Messages,
  lang: Lang,
  plan: SectionPlan,
  hooks: FillHooks = {},
) {
  const sectionId = plan.section.id;
  for (const [fieldId, planned] of Object.entries(plan.fields)) {
    const field = topField(page, sectionId, fieldId);
    if (planned.kind !== 'group') {
      await fillLeaf(page, m, lang, field, planned, hooks);
      continue;
    }
    for (const [i, item] of planned.items.entries()) {
      await field.locator(':scope > .q-control .group-actions button').first().click();
      const itemBox = field.locator('[data-item]').nth(i);
      for (const [childId, child] of Object.entries(item)) {
        await fillLeaf(page, m, lang, itemBox.locator(`[data-field="${childId}"]`), child, hooks);
      }
    }
    await expect(field.locator('[data-item]')).toHaveCount(planned.items.length);
  }
  // Typed text is lifted to the answers after a pause: the states are checked once, at the end.
  for (const [field, state] of plannedStates(page, plan)) {
    await expect(field).toHaveAttribute('data-state', state);
  }
}

/** Every planned question of the open section (group items' too) with its expected state. */
function plannedStates(page: Page, plan: SectionPlan): Array<[Locator, string]> {
  const stateOf = (p: Planned) => (p.kind === 'state' ? p.state : 'answered');
  return Object.entries(plan.fields).flatMap(([fieldId, planned]) => {
    const field = topField(page, plan.section.id, fieldId);
    if (planned.kind !== 'group') return [[field, stateOf(planned)] as [Locator, string]];
    return [
      [field, 'answered'] as [Locator, string],
      ...planned.items.flatMap((item, i) =>
        Object.entries(item).map(
          ([childId, child]) =>
            [
              field.locator('[data-item]').nth(i).locator(`[data-field="${childId}"]`),
              stateOf(child),
            ] as [Locator, string],
        ),
      ),
    ];
  });
}

async function fillLeaf(
  page: Page,
  m: Messages,
  lang: Lang,
  field: Locator,
  planned: Planned,
  hooks: FillHooks,
) {
  const control = field.locator(':scope > .q-control');
  switch (planned.kind) {
    case 'text':
      await control.locator('textarea').fill(planned.value);
      break;
    case 'date':
      await control.locator('input').fill(planned.value);
      await expect(control.locator('.date-reading')).toHaveText(
        dateReading(m, lang, planned.value),
      );
      break;
    case 'choice':
      if ((await control.locator('select').count()) > 0) {
        await control.locator('select').selectOption(planned.code);
      } else {
        await control.locator(`input[type="radio"][value="${planned.code}"]`).check();
      }
      break;
    case 'multi':
      for (const label of planned.labels) {
        await control.getByRole('checkbox', { name: label, exact: true }).check();
      }
      break;
    case 'yesno':
      await control.locator(`input[type="radio"][value="${planned.value}"]`).check();
      break;
    case 'ownWords':
      if (planned.register) {
        await control.getByRole('radio', { name: m.field.ref.ownWords, exact: true }).check();
      }
      await control.locator('textarea').fill(planned.value);
      break;
    case 'entry':
      await addOrPick(page, m, control, planned, hooks);
      await expect(control.locator('select option:checked')).toContainText(planned.name);
      break;
    case 'entries': {
      // Each one added or picked joins the list; the picker is ready for the next.
      const chosen = control.locator('.ref-chosen li');
      for (const [i, entry] of planned.entries.entries()) {
        await addOrPick(page, m, control, { register: planned.register, ...entry }, hooks);
        await expect(chosen).toHaveCount(i + 1);
        await expect(chosen.nth(i)).toContainText(entry.name);
        await expect(control.locator('select')).toHaveValue('');
      }
      // The last one removed and picked again: the remove button, and the picker offers it back.
      const last = planned.entries.at(-1)!;
      await chosen.last().getByRole('button').click();
      await expect(chosen).toHaveCount(planned.entries.length - 1);
      await expect(control.locator('.ref-chosen')).not.toContainText(last.name);
      await addOrPick(page, m, control, { register: planned.register, ...last, add: false }, hooks);
      await expect(chosen).toHaveCount(planned.entries.length);
      await expect(chosen.last()).toContainText(last.name);
      if (planned.text !== undefined) await control.locator('textarea').fill(planned.text);
      break;
    }
    case 'bodymap':
      for (const region of planned.regions) {
        const shape = control.locator(`[data-region="${region}"]`);
        await shape.click();
        await expect(shape).toHaveAttribute('aria-checked', 'true');
      }
      break;
    case 'state':
      await stateButton(
        field,
        planned.state === 'unknown' ? m.field.unknown : m.field.declined,
      ).click();
      break;
    case 'group':
      throw new Error('groups do not nest');
  }
}

/** An entry of a register chosen in a field's picker: added on the spot, or picked. */
async function addOrPick(
  page: Page,
  m: Messages,
  control: Locator,
  planned: { readonly register: RegisterName; readonly name: string; readonly add: boolean },
  hooks: FillHooks,
) {
  if (!planned.add) {
    const option = control.locator('select option', { hasText: planned.name });
    await control.locator('select').selectOption((await option.getAttribute('value')) ?? '');
    return;
  }
  await control.getByRole('button', { name: m.field.ref.add, exact: true }).click();
  const dialog = page.getByRole('dialog');
  const facilities = planned.register === 'facilities';
  await expect(dialog).toHaveAccessibleName(
    {
      facilities: m.registers.newFacility,
      perpetrators: m.registers.newPerpetrator,
      people: m.registers.newPerson,
    }[planned.register],
  );
  const nameLabel = facilities ? m.registers.name : m.registers.names;
  await dialog.getByLabel(nameLabel, { exact: true }).fill(planned.name);
  if (facilities) {
    await dialog.getByLabel(m.registers.kind, { exact: true }).selectOption('basement');
    await dialog.getByLabel(m.registers.location, { exact: true }).fill('Херсон');
  } else if (planned.register === 'people') {
    await dialog
      .getByRole('checkbox', { name: m.registers.roleNames.co_detainee, exact: true })
      .check();
  } else {
    await dialog.getByLabel(m.registers.callSigns, { exact: true }).fill('Грім');
  }
  await hooks.onRegisterDialog?.(planned.register);
  await dialog.getByRole('button', { name: m.registers.save, exact: true }).click();
  await expect(dialog).toBeHidden();
}

export function dateReading(m: Messages, lang: Lang, value: string): string {
  return m.field.dateReads.replace('{{text}}', formatApproximateDate(value, lang));
}

/** Finds every planned answer of the open section back on screen. */
export async function verifySection(
  page: Page,
  m: Messages,
  lang: Lang,
  plan: SectionPlan,
  entryIds: Readonly<Record<string, string>>,
) {
  const sectionId = plan.section.id;
  for (const [fieldId, planned] of Object.entries(plan.fields)) {
    const field = topField(page, sectionId, fieldId);
    if (planned.kind !== 'group') {
      await verifyLeaf(m, lang, field, planned, entryIds);
      continue;
    }
    await expect(field).toHaveAttribute('data-state', 'answered');
    const items = field.locator('[data-item]');
    await expect(items).toHaveCount(planned.items.length);
    for (const [i, item] of planned.items.entries()) {
      for (const [childId, child] of Object.entries(item)) {
        await verifyLeaf(
          m,
          lang,
          items.nth(i).locator(`[data-field="${childId}"]`),
          child,
          entryIds,
        );
      }
    }
  }
}

async function verifyLeaf(
  m: Messages,
  lang: Lang,
  field: Locator,
  planned: Planned,
  entryIds: Readonly<Record<string, string>>,
) {
  const control = field.locator(':scope > .q-control');
  await expect(field).toHaveAttribute(
    'data-state',
    planned.kind === 'state' ? planned.state : 'answered',
  );
  switch (planned.kind) {
    case 'text':
      await expect(control.locator('textarea')).toHaveValue(planned.value);
      break;
    case 'date':
      await expect(control.locator('input')).toHaveValue(planned.value);
      await expect(control.locator('.date-reading')).toHaveText(
        dateReading(m, lang, planned.value),
      );
      break;
    case 'choice':
      if ((await control.locator('select').count()) > 0) {
        await expect(control.locator('select')).toHaveValue(planned.code);
      } else {
        await expect(control.locator(`input[type="radio"][value="${planned.code}"]`)).toBeChecked();
      }
      break;
    case 'multi':
      await expect(control.getByRole('checkbox', { checked: true })).toHaveCount(
        planned.codes.length,
      );
      for (const label of planned.labels) {
        await expect(control.getByRole('checkbox', { name: label, exact: true })).toBeChecked();
      }
      break;
    case 'yesno':
      await expect(control.locator(`input[type="radio"][value="${planned.value}"]`)).toBeChecked();
      break;
    case 'ownWords':
      if (planned.register) {
        await expect(
          control.getByRole('radio', { name: m.field.ref.ownWords, exact: true }),
        ).toBeChecked();
      }
      await expect(control.locator('textarea')).toHaveValue(planned.value);
      break;
    case 'entry':
      await expect(control.locator('select')).toHaveValue(entryIds[planned.name] ?? '');
      await expect(control.locator('select option:checked')).toContainText(planned.name);
      break;
    case 'entries': {
      const chosen = control.locator('.ref-chosen li');
      await expect(chosen).toHaveCount(planned.entries.length);
      for (const [i, entry] of planned.entries.entries()) {
        await expect(chosen.nth(i)).toContainText(entry.name);
      }
      await expect(control.locator('textarea')).toHaveValue(planned.text ?? '');
      break;
    }
    case 'bodymap':
      await expect(control.locator('[data-region][aria-checked="true"]')).toHaveCount(
        planned.regions.length,
      );
      for (const region of planned.regions) {
        await expect(control.locator(`[data-region="${region}"]`)).toHaveAttribute(
          'aria-checked',
          'true',
        );
      }
      break;
    case 'state':
      await expect(
        stateButton(field, planned.state === 'unknown' ? m.field.unknown : m.field.declined),
      ).toHaveAttribute('aria-pressed', 'true');
      break;
    case 'group':
      throw new Error('groups do not nest');
  }
}
