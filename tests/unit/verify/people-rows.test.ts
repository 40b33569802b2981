/**
 * A bundle's answers as the verifier and the PDF word them, for a person linked to the people
 * register (template v2): the person's name in both languages, never the bare id. A bundle made
 * before the register existed (no `registers.people`) still reads, naming the link as a link;
 * and a perpetrator still reads from its own register.
 */
import { describe, expect, it } from 'vitest';
import { answerRows } from '../../../electron/main/verify/answer-rows';
import { TORTURE_DETENTION_V1 } from '../../../shared/forms/templates/torture-detention-v1';
import { TORTURE_DETENTION_V2 } from '../../../shared/forms/templates/torture-detention-v2';

const PERSON = '66666666-6666-4666-8666-666666666661';
const PERPETRATOR = '33333333-3333-4333-8333-333333333332';
const ITEM = '22222222-2222-4222-8222-222222222221';

const sections = {
  F: {
    codetainees: {
      state: 'answered',
      value: {
        items: [{ id: ITEM, answers: { who: { state: 'answered', value: { ref: PERSON } } } }],
      },
    },
  },
  I: {
    acts: {
      state: 'answered',
      value: {
        items: [
          {
            id: ITEM,
            answers: { perpetrator: { state: 'answered', value: { ref: PERPETRATOR } } },
          },
        ],
      },
    },
  },
};

const perpetrators = [
  { id: PERPETRATOR, names: [], callSigns: ['Грім'], unit: 'в/ч 12345', description: '' },
];
const people = [
  {
    id: PERSON,
    names: ['Ольга Бондаренко', 'Оля'],
    roles: ['co_detainee' as const],
    description: '',
  },
];

const rowText = (rows: ReturnType<typeof answerRows>, sectionId: string) =>
  rows?.find((s) => s.id === sectionId)?.rows.map((r) => r.text) ?? [];

describe('answer rows for the people register', () => {
  it('name a linked co-detainee, in both languages, and a perpetrator from its own register', () => {
    const rows = answerRows(TORTURE_DETENTION_V2, sections, {
      facilities: [],
      perpetrators,
      people,
    });
    expect(rowText(rows, 'F')).toEqual([
      { uk: 'Ольга Бондаренко [реєстр]', en: 'Ольга Бондаренко [register]' },
    ]);
    expect(rowText(rows, 'I')).toEqual([
      { uk: '«Грім», в/ч 12345 [реєстр]', en: '«Грім», в/ч 12345 [register]' },
    ]);
  });

  it('a bundle without people names the link as a link, never a wrong entry', () => {
    const rows = answerRows(TORTURE_DETENTION_V2, sections, { facilities: [], perpetrators });
    expect(rowText(rows, 'F')).toEqual([
      { uk: `[реєстр: ${PERSON}]`, en: `[register: ${PERSON}]` },
    ]);
  });

  it('an id of the people register is not looked up among perpetrators, nor the reverse', () => {
    const swapped = [{ ...perpetrators[0]!, id: PERSON }];
    const rows = answerRows(TORTURE_DETENTION_V2, sections, {
      facilities: [],
      perpetrators: swapped,
      people: [{ ...people[0]!, id: PERPETRATOR }],
    });
    expect(rowText(rows, 'F')[0]!.en).toBe(`[register: ${PERSON}]`);
    expect(rowText(rows, 'I')[0]!.en).toBe(`[register: ${PERPETRATOR}]`);
  });

  it('v1 testimonies keep their free-text co-detainees as typed', () => {
    const v1 = {
      F: {
        codetainees: {
          state: 'answered',
          value: {
            items: [
              { id: ITEM, answers: { who: { state: 'answered', value: { text: 'Сусід Петро' } } } },
            ],
          },
        },
      },
    };
    const rows = answerRows(TORTURE_DETENTION_V1, v1, { facilities: [], perpetrators, people });
    expect(rowText(rows, 'F')).toEqual([{ uk: 'Сусід Петро', en: 'Сусід Петро' }]);
  });
});
