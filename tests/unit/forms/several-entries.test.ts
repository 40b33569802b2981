/**
 * A person field of several entries (template v2: an act's, an interrogation's and the sexual
 * violence's perpetrators): its value is `{ refs, text? }`, naming somebody, no entry twice, at
 * most MAX_REFS; a single person field keeps `{ ref } | { text }` and refuses `{ refs }`, and the
 * reverse.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REFS, checkSectionAnswers, sectionAnswersSchema } from '../../../shared/forms/answers';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { findSection } from '../../../shared/forms/template';
import type { Section, Template } from '../../../shared/forms/template';
import { TORTURE_DETENTION_V1 as V1 } from '../../../shared/forms/templates/torture-detention-v1';
import { TORTURE_DETENTION_V2 as V2 } from '../../../shared/forms/templates/torture-detention-v2';

const NOW = new Date('2026-11-25T12:00:00Z');
const ITEM = '6f1c0b1e-2a7d-4c59-9e43-0d2b7a9f1c01';
const P1 = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e61';
const P2 = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e62';
const uuid = (n: number) => `c3d4e5f6-a7b8-4c9d-8e0f-${n.toString(16).padStart(12, '0')}`;

const section = (template: Template, id: string): Section => {
  const found = findSection(template, id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
/** Section I with one act whose perpetrator is `value`. */
const act = (value: unknown) => ({
  acts: {
    state: 'answered',
    value: { items: [{ id: ITEM, answers: { perpetrator: { state: 'answered', value } } }] },
  },
});
const parse = (answers: unknown) => sectionAnswersSchema.safeParse(answers);
/** The problems of an answer that passes the boundary's shape check. */
const problems = (template: Template, sectionId: string, answers: unknown) => {
  const parsed = sectionAnswersSchema.parse(answers) as SectionAnswers;
  return checkSectionAnswers(template, section(template, sectionId), parsed, NOW);
};
const PATH = `acts.${ITEM}.perpetrator`;

describe('a person field of several entries', () => {
  it('takes several entries, entries and words, or words alone', () => {
    for (const value of [
      { refs: [P1, P2] },
      { refs: [P1], text: 'ще двоє в масках' },
      { refs: [], text: 'троє в масках' },
    ]) {
      expect(problems(V2, 'I', act(value)), JSON.stringify(value)).toEqual([]);
    }
    const sv = { perpetrator: { state: 'answered', value: { refs: [P1, P2] } } };
    expect(problems(V2, 'SV', sv)).toEqual([]);
  });

  it('refuses an entry twice, and a value that names nobody', () => {
    expect(problems(V2, 'I', act({ refs: [P1, P2, P1] }))).toEqual([
      { path: PATH, problem: 'duplicate' },
    ]);
    for (const value of [{ refs: [] }, { refs: [], text: '   ' }]) {
      expect(problems(V2, 'I', act(value))).toEqual([{ path: PATH, problem: 'wrong_kind' }]);
    }
  });

  it('refuses a single `{ ref }` or `{ text }` where several are taken', () => {
    for (const value of [{ ref: P1 }, { text: 'Грім' }]) {
      expect(problems(V2, 'I', act(value))).toEqual([{ path: PATH, problem: 'wrong_kind' }]);
    }
  });

  it('a single person field (v1, and v2’s witness) refuses `{ refs }`', () => {
    expect(problems(V1, 'I', act({ refs: [P1] }))).toEqual([{ path: PATH, problem: 'wrong_kind' }]);
    expect(problems(V1, 'I', act({ ref: P1 }))).toEqual([]);
    const witness = {
      acts: {
        state: 'answered',
        value: {
          items: [{ id: ITEM, answers: { witness: { state: 'answered', value: { refs: [P1] } } } }],
        },
      },
    };
    expect(problems(V2, 'I', witness)).toEqual([
      { path: `acts.${ITEM}.witness`, problem: 'wrong_kind' },
    ]);
  });

  it('the boundary refuses more than MAX_REFS entries, a non-uuid, an extra key', () => {
    const many = Array.from({ length: MAX_REFS + 1 }, (_, i) => uuid(i + 1));
    expect(parse(act({ refs: many.slice(0, MAX_REFS) })).success).toBe(true);
    expect(parse(act({ refs: many })).success).toBe(false);
    expect(parse(act({ refs: ['Грім'] })).success).toBe(false);
    expect(parse(act({ refs: [P1], ref: P2 })).success).toBe(false);
    expect(parse(act({ refs: [P1], text: 'x'.repeat(2_001) })).success).toBe(false);
  });
});
