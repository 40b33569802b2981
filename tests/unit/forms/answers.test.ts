import { describe, expect, it } from 'vitest';
import {
  MAX_CHOICES,
  MAX_GROUP_ITEMS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  answerState,
  checkSectionAnswers,
  sectionAnswersSchema,
  sectionProgress,
  walkFields,
} from '../../../shared/forms/answers';
import type { Answer, SectionAnswers } from '../../../shared/forms/answers';
import { findSection } from '../../../shared/forms/template';
import type { Section } from '../../../shared/forms/template';
import { TORTURE_DETENTION_V1 as T } from '../../../shared/forms/templates/torture-detention-v1';

const NOW = new Date('2026-11-25T12:00:00Z');
const ITEM_1 = '6f1c0b1e-2a7d-4c59-9e43-0d2b7a9f1c01';
const ITEM_2 = '6f1c0b1e-2a7d-4c59-9e43-0d2b7a9f1c02';
const FACILITY = '0b7e2f6a-3c1d-4e8f-a9b0-1c2d3e4f5a6b';
const PERPETRATOR = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';

const section = (id: string): Section => {
  const found = findSection(T, id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const answered = (value: unknown) => ({ state: 'answered', value }) as Answer;
const item = (id: string, answers: Record<string, unknown>) => ({ id, answers });
const check = (sectionId: string, answers: Record<string, unknown>) =>
  checkSectionAnswers(T, section(sectionId), answers as SectionAnswers, NOW);

describe('checkSectionAnswers over the real template: good answers', () => {
  const good: Record<string, Record<string, unknown>> = {
    A: {
      organisation: answered('Правозахисна група'), // text
      settings: answered(['organisation_office', 'video_call']), // multi
      referred_by: answered('ngo'), // choice
      interpreter_used: answered('no'), // yesno
      present: answered({
        items: [
          item(ITEM_1, { role: answered('interviewer'), name: answered('І-07') }),
          item(ITEM_2, { role: answered('psychologist'), name: { state: 'declined' } }),
        ],
      }),
      earlier_interviews: answered({
        items: [item(ITEM_1, { by_kind: answered('prosecutor'), date: answered('2023-05~') })],
      }),
    },
    D: { translation: answered('переклад '.repeat(1_000)) }, // narrative, past the short limit
    E: {
      date: answered('2022-05-17'), // date, exact
      filtration_date: answered('2022-05/2022-06'), // date, a range
      place: answered({ text: 'Маріуполь, «Азовсталь»' }), // place as text
      filtration_place: answered({ ref: FACILITY }), // place from the register
      captors: answered({
        items: [item(ITEM_1, { who: answered({ text: 'позивний «Тихий»' }) })],
      }),
    },
    I: {
      acts: answered({
        items: [
          item(ITEM_1, {
            date: answered('2022-21'), // spring 2022
            methods: answered(['beating', 'mock_execution', 'forced_anthem']),
            body_regions: answered(['front.head', 'back.upper_back']),
            perpetrator: answered({ ref: PERPETRATOR }),
            witness: answered({ text: 'сусід по камері' }),
            made_to_watch: { state: 'unknown' },
          }),
        ],
      }),
    },
    M: { injuries_scars: answered(['front.hand_left', 'back.sole_right']) },
    SV: { kinds: { state: 'declined' }, support_offered: answered('yes') },
  };

  it.each(Object.keys(good))('section %s: parses and fits the template', (sectionId) => {
    const answers = good[sectionId] ?? {};
    expect(sectionAnswersSchema.safeParse(answers).success).toBe(true);
    expect(check(sectionId, answers)).toEqual([]);
  });

  it('does not check the value of an unknown or declined answer', () => {
    expect(check('E', { date: { state: 'unknown' }, place: { state: 'declined' } })).toEqual([]);
  });
});

describe('checkSectionAnswers over the real template: bad answers', () => {
  it('refuses fields the section does not have, at the top and inside a group', () => {
    expect(check('A', { favourite_colour: answered('blue') })).toEqual([
      { path: 'favourite_colour', problem: 'unknown_field' },
    ]);
    // A field of another section is unknown here too.
    expect(check('A', { birth_date: answered('1990') })).toEqual([
      { path: 'birth_date', problem: 'unknown_field' },
    ]);
    expect(
      check('A', { present: answered({ items: [item(ITEM_1, { rank: answered('x') })] }) }),
    ).toEqual([{ path: `present.${ITEM_1}.rank`, problem: 'unknown_field' }]);
    // Even an unknown field that only says "unknown" is refused.
    expect(check('A', { nope: { state: 'unknown' } })).toEqual([
      { path: 'nope', problem: 'unknown_field' },
    ]);
  });

  it.each([
    ['text given a list', 'A', { organisation: answered(['a']) }, 'organisation'],
    ['yesno given another word', 'A', { interpreter_used: answered('maybe') }, 'interpreter_used'],
    ['choice given a list', 'A', { referred_by: answered(['ngo']) }, 'referred_by'],
    ['multi given a string', 'A', { settings: answered('home') }, 'settings'],
    ['group given text', 'A', { present: answered('two people') }, 'present'],
    ['date given a list', 'E', { date: answered(['2022']) }, 'date'],
    ['place given a string', 'E', { place: answered('Маріуполь') }, 'place'],
    ['place given group items', 'E', { place: answered({ items: [] }) }, 'place'],
    ['bodymap given a string', 'M', { injuries_scars: answered('front.head') }, 'injuries_scars'],
    ['narrative given a reference', 'D', { translation: answered({ text: 'x' }) }, 'translation'],
  ])('refuses %s', (_name, sectionId, answers, path) => {
    expect(check(sectionId, answers)).toEqual([{ path, problem: 'wrong_kind' }]);
  });

  it('refuses a short text past its limit, but not a narrative', () => {
    const long = 'я'.repeat(MAX_SHORT_TEXT + 1);
    expect(check('A', { organisation: answered(long) })).toEqual([
      { path: 'organisation', problem: 'too_long' },
    ]);
    expect(check('A', { organisation: answered('я'.repeat(MAX_SHORT_TEXT)) })).toEqual([]);
    expect(check('D', { translation: answered(long) })).toEqual([]);
  });

  it.each([
    ['an impossible day', '2023-02-29'],
    ['a date in the future', '2099-01-01'],
    ['words instead of EDTF', 'весна 2022'],
    ['a range that ends before it starts', '2022-06/2022-03'],
    ['an empty date', '  '],
  ])('refuses %s', (_name, value) => {
    expect(check('E', { date: answered(value) })).toEqual([{ path: 'date', problem: 'bad_date' }]);
  });

  it('refuses a bad date inside a group item, naming the item', () => {
    const answers = {
      acts: answered({ items: [item(ITEM_1, { date: answered('2023-02-29') })] }),
    };
    expect(check('I', answers)).toEqual([{ path: `acts.${ITEM_1}.date`, problem: 'bad_date' }]);
  });

  it('refuses codes the field’s vocabulary does not have', () => {
    expect(check('A', { referred_by: answered('neighbour') })).toEqual([
      { path: 'referred_by', problem: 'unknown_term' },
    ]);
    // A real code, but of another vocabulary.
    expect(check('A', { settings: answered(['home', 'granted']) })).toEqual([
      { path: 'settings', problem: 'unknown_term' },
    ]);
    const acts = answered({
      items: [item(ITEM_1, { methods: answered(['beating', 'rape']) })],
    });
    expect(check('I', { acts })).toEqual([
      { path: `acts.${ITEM_1}.methods`, problem: 'unknown_term' },
    ]);
  });

  it('refuses body regions the diagram does not have', () => {
    expect(check('M', { injuries_scars: answered(['front.head', 'front.tail']) })).toEqual([
      { path: 'injuries_scars', problem: 'unknown_region' },
    ]);
    expect(check('M', { injuries_scars: answered(['head']) })).toEqual([
      { path: 'injuries_scars', problem: 'unknown_region' },
    ]);
  });

  it('refuses duplicates: codes, regions and group item ids', () => {
    expect(check('A', { settings: answered(['home', 'home']) })).toEqual([
      { path: 'settings', problem: 'duplicate' },
    ]);
    expect(check('M', { injuries_scars: answered(['front.face', 'front.face']) })).toEqual([
      { path: 'injuries_scars', problem: 'duplicate' },
    ]);
    const present = answered({
      items: [item(ITEM_1, { role: answered('interpreter') }), item(ITEM_1, {})],
    });
    expect(check('A', { present })).toEqual([{ path: `present.${ITEM_1}`, problem: 'duplicate' }]);
  });

  it('reports every problem, not only the first', () => {
    const problems = check('A', {
      organisation: answered(['a']),
      referred_by: answered('neighbour'),
      nope: answered('x'),
    });
    expect(problems.map((p) => p.problem).sort()).toEqual([
      'unknown_field',
      'unknown_term',
      'wrong_kind',
    ]);
  });
});

describe('sectionProgress and answerState', () => {
  const a = section('A');

  it('counts unknown and declined apart from not asked yet', () => {
    const progress = sectionProgress(a, {
      organisation: answered('X'),
      settings: answered(['home']),
      interviewer: { state: 'unknown' },
      languages: { state: 'declined' },
    });
    expect(progress).toEqual({
      answered: 2,
      unknown: 1,
      declined: 1,
      notAsked: a.fields.length - 4,
    });
    expect(sectionProgress(a, {})).toEqual({
      answered: 0,
      unknown: 0,
      declined: 0,
      notAsked: a.fields.length,
    });
  });

  it('counts a group once, however many items it holds, and ignores unknown keys', () => {
    const progress = sectionProgress(a, {
      present: answered({ items: [item(ITEM_1, {}), item(ITEM_2, {})] }),
      nope: answered('x'),
    });
    expect(progress.answered).toBe(1);
    expect(progress.notAsked).toBe(a.fields.length - 1);
  });

  it('names the state of an answer, and a missing one as not asked', () => {
    expect(answerState(undefined)).toBe('not_asked');
    expect(answerState({ state: 'unknown' })).toBe('unknown');
    expect(answerState({ state: 'declined' })).toBe('declined');
    expect(answerState(answered('x'))).toBe('answered');
  });
});

describe('walkFields', () => {
  it('yields top-level fields and each group’s fields under a starred path', () => {
    const paths = [...walkFields(section('B'))].map((x) => x.path);
    expect(paths).toContain('explanation_given');
    expect(paths).toContain('scopes');
    expect(paths).toContain('scopes.*.scope');
    expect(paths).toContain('withdrawals.*.recipients_told');
    expect(paths.indexOf('scopes')).toBeLessThan(paths.indexOf('scopes.*.scope'));
  });

  it('visits every field of every section exactly once', () => {
    for (const s of T.sections) {
      const expected = s.fields.reduce(
        (n, f) => n + 1 + (f.kind === 'group' ? f.fields.length : 0),
        0,
      );
      const paths = [...walkFields(s)].map((x) => x.path);
      expect(paths.length, s.id).toBe(expected);
      expect(new Set(paths).size, s.id).toBe(expected);
    }
  });
});

describe('sectionAnswersSchema: the shape that crosses the process boundary', () => {
  const ok = (value: unknown) => sectionAnswersSchema.safeParse(value).success;

  it('accepts each kind of value', () => {
    expect(ok({ a: answered('text') })).toBe(true);
    expect(ok({ a: answered(['code']) })).toBe(true);
    expect(ok({ a: answered({ ref: FACILITY }) })).toBe(true);
    expect(ok({ a: answered({ text: 'опис' }) })).toBe(true);
    expect(ok({ a: answered({ items: [item(ITEM_1, { b: answered('x') })] }) })).toBe(true);
    expect(ok({ a: { state: 'unknown' }, b: { state: 'declined' } })).toBe(true);
  });

  it('rejects extra keys everywhere', () => {
    expect(ok({ a: { state: 'answered', value: 'x', note: 'y' } })).toBe(false);
    expect(ok({ a: { state: 'unknown', value: 'x' } })).toBe(false);
    expect(ok({ a: answered({ ref: FACILITY, text: 'both' }) })).toBe(false);
    expect(ok({ a: answered({ items: [], extra: true }) })).toBe(false);
    expect(ok({ a: answered({ items: [{ ...item(ITEM_1, {}), extra: 1 }] }) })).toBe(false);
  });

  it('rejects malformed answers', () => {
    expect(ok({ a: { state: 'not_asked' } })).toBe(false);
    expect(ok({ a: { state: 'answered' } })).toBe(false);
    expect(ok({ a: answered([]) })).toBe(false);
    expect(ok({ a: answered(42) })).toBe(false);
    expect(ok({ a: answered({ ref: 'not-a-uuid' }) })).toBe(false);
    expect(ok({ a: answered({ text: '' }) })).toBe(false);
    expect(ok({ a: answered({ items: [item('not-a-uuid', {})] }) })).toBe(false);
    // Groups do not nest.
    const nested = answered({ items: [item(ITEM_1, { b: answered({ items: [] }) })] });
    expect(ok({ a: nested })).toBe(false);
  });

  it('rejects field ids that are not lower_snake_case', () => {
    expect(ok({ Organisation: answered('x') })).toBe(false);
    expect(ok({ '1st': answered('x') })).toBe(false);
    expect(ok({ ['a'.repeat(65)]: answered('x') })).toBe(false);
    expect(ok({ ['a'.repeat(64)]: answered('x') })).toBe(true);
    expect(ok({ a: answered({ items: [item(ITEM_1, { 'B-c': answered('x') })] }) })).toBe(false);
  });

  it('rejects oversized input', () => {
    expect(ok({ a: answered('x'.repeat(MAX_LONG_TEXT)) })).toBe(true);
    expect(ok({ a: answered('x'.repeat(MAX_LONG_TEXT + 1)) })).toBe(false);
    expect(ok({ a: answered({ text: 'x'.repeat(MAX_SHORT_TEXT + 1) }) })).toBe(false);
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(ok({ a: answered(codes(MAX_CHOICES)) })).toBe(true);
    expect(ok({ a: answered(codes(MAX_CHOICES + 1)) })).toBe(false);
    expect(ok({ a: answered(['c'.repeat(65)]) })).toBe(false);
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        item(`6f1c0b1e-2a7d-4c59-9e43-${String(i).padStart(12, '0')}`, {}),
      );
    expect(ok({ a: answered({ items: items(MAX_GROUP_ITEMS) }) })).toBe(true);
    expect(ok({ a: answered({ items: items(MAX_GROUP_ITEMS + 1) }) })).toBe(false);
  });
});
