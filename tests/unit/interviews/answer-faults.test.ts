/**
 * INVALID_ANSWER names each answer at fault by a path the renderer can read back from the IPC
 * result (answerFaultsOf) to mark that field, a group item's field included — and never the
 * value, which is testimony and reaches logs.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerFaultsOf, invalidAnswerMessage } from '../../../shared/errors';
import { MAX_SHORT_TEXT } from '../../../shared/forms/answers';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { DateField, GroupField, Section, TextField } from '../../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

/** A section with a date question of its own and a group with a short text in each item. */
const TARGET = (() => {
  for (const section of CURRENT_TEMPLATE.sections) {
    const date = section.fields.find((f): f is DateField => f.kind === 'date');
    const group = section.fields.find(
      (f): f is GroupField => f.kind === 'group' && f.fields.some((c) => c.kind === 'text'),
    );
    if (date && group && section.id !== 'B') {
      const child = group.fields.find((c) => c.kind === 'text') as TextField;
      return { section: section as Section, date, group, child };
    }
  }
  throw new Error('no section asks a date on its own and a short text inside a group');
})();
const LONG = 'Ж'.repeat(MAX_SHORT_TEXT + 1);

const dirs = createTempDirs('svidok-answer-faults-');
let t: TestApi;
let testimonyId: string;

beforeEach(async () => {
  t = startApi(`${dirs.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  testimonyId = ok(await t.call('testimony:create', { recordCode: 'UA-FAULT-1' })).id;
  await recordConsent(t.api, testimonyId);
});
afterEach(() => {
  t.api.shutdown();
  dirs.cleanup();
});

const answer = (value: unknown) => ({ state: 'answered', value }) as SectionAnswers[string];

describe('INVALID_ANSWER names the field paths, typed, and no value', () => {
  it('a top-level date and a text inside a group item are both named, readable back', async () => {
    const itemId = randomUUID();
    const { section, date, group, child } = TARGET;
    const result = await t.call('interview:saveSection', {
      testimonyId,
      sectionId: section.id,
      baseRevision: 0,
      answers: {
        [date.id]: answer('2999-01-01'),
        [group.id]: answer({ items: [{ id: itemId, answers: { [child.id]: answer(LONG) } }] }),
      },
    });
    const error = err(result);
    expect(error.code).toBe('INVALID_ANSWER');
    expect(answerFaultsOf(error.message)).toEqual([
      { path: date.id, problem: 'bad_date' },
      { path: `${group.id}.${itemId}.${child.id}`, problem: 'too_long' },
    ]);
    expect(error.message).not.toContain('2999');
    expect(error.message).not.toContain('ЖЖЖ');
  });

  it('a refusal that names no field reads back as no fault', async () => {
    const error = err(
      await t.call('interview:saveSection', {
        testimonyId,
        sectionId: 'Z',
        baseRevision: 0,
        answers: {},
      }),
    );
    expect(error.code).toBe('INVALID_ANSWER');
    expect(answerFaultsOf(error.message)).toEqual([]);
  });

  it('the message format round-trips, the first five named and the rest counted', () => {
    const faults = Array.from({ length: 7 }, (_, i) => ({
      path: `f_${i}.${randomUUID()}.when`,
      problem: 'too_long',
    }));
    const message = invalidAnswerMessage('G', faults);
    expect(message).toMatch(/ and 2 more$/);
    expect(answerFaultsOf(message)).toEqual(faults.slice(0, 5));
  });
});
