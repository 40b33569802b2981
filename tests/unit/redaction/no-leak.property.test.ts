/**
 * The acceptance property of issue 6: no redacted string survives anywhere in the redacted
 * testimony JSON. Secrets are drawn from Cyrillic letters and apostrophes, the filler from Latin
 * lower case, digits and spaces, and the synthetic template and the tokens use Latin only: so
 * once every secret is redacted, not one character of the secret alphabet may remain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REDACTED_PROFILE,
  foldForMatch,
  redactDocument,
  redactText,
  redactionToken,
} from '../../../shared/redaction';
import type { Redaction, RedactionCategory } from '../../../shared/redaction';
import { TESTIMONY_SCHEMA_V2, testimonyJsonV2Schema } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { rid, sha256 } from './documents';

const LOWER = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
const UPPER = LOWER.toUpperCase();
const APOSTROPHES = "'ʼ’‘`′";
const SECRET_CHARS = new Set([...LOWER, ...UPPER, ...APOSTROPHES]);
const FILLER = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
const CATEGORIES: RedactionCategory[] = ['name', 'place', 'unit', 'contact', 'medical', 'other'];

const secretArb = fc
  .tuple(
    fc.constantFrom(...LOWER),
    fc.string({ unit: fc.constantFrom(...LOWER, ...APOSTROPHES), minLength: 1, maxLength: 7 }),
  )
  .map(([first, rest]) => first + rest);
const fillerArb = fc.string({ unit: fc.constantFrom(...FILLER), minLength: 1, maxLength: 6 });

/** One spelling of a secret: each letter in either case, each apostrophe any apostrophe. */
function variant(secret: string, bits: readonly number[]): string {
  return [...secret]
    .map((ch, i) => {
      const bit = bits[i % bits.length] ?? 0;
      if (APOSTROPHES.includes(ch)) return APOSTROPHES[bit % APOSTROPHES.length]!;
      return bit % 2 === 0 ? ch.toLowerCase() : ch.toUpperCase();
    })
    .join('');
}

/** Pieces of a text: filler, or an occurrence of secret n in some spelling. */
const piecesArb = fc.array(
  fc.oneof(
    fillerArb.map((text) => ({ filler: text })),
    fc.record({
      secret: fc.nat(),
      bits: fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 8 }),
    }),
  ),
  { minLength: 1, maxLength: 6 },
);
type Pieces = Array<{ filler: string } | { secret: number; bits: number[] }>;

function textOf(pieces: Pieces, secrets: readonly string[]): string {
  return pieces
    .map((p) => ('filler' in p ? p.filler : variant(secrets[p.secret % secrets.length]!, p.bits)))
    .join('');
}

const label = { uk: 'x', en: 'x' };
const TEMPLATE = {
  id: 'prop',
  version: 1,
  title: label,
  sources: [],
  consentExplanation: label,
  sections: [
    {
      id: 'A',
      title: label,
      fields: [
        { id: 't1', kind: 'text', sensitivity: 'other', label },
        { id: 'n1', kind: 'narrative', sensitivity: 'location', label },
        { id: 'p1', kind: 'place', sensitivity: 'medical', label },
        { id: 'p2', kind: 'place', sensitivity: 'other', label },
        {
          id: 'g',
          kind: 'group',
          sensitivity: 'other',
          label,
          itemLabel: label,
          fields: [
            { id: 't', kind: 'text', sensitivity: 'other', label },
            { id: 'who', kind: 'person', register: null, sensitivity: 'other', label },
            { id: 'perp', kind: 'person', register: 'perpetrators', sensitivity: 'other', label },
          ],
        },
      ],
    },
  ],
  vocabularies: [],
};
const FACILITY = '77777777-7777-4777-8777-777777777771';
const PERPETRATOR = '77777777-7777-4777-8777-777777777772';
const ITEM = '77777777-7777-4777-8777-777777777773';
const ATTACHMENT = '77777777-7777-4777-8777-777777777774';

/** 14 texts, one per place a secret can hide. */
const TEXT_SLOTS = 14;

function buildDocument(texts: readonly string[], narrative: string): TestimonyJsonV2 {
  const t = (i: number) => texts[i]!;
  const fileName = `${t(12)}.jpg`;
  return {
    schema: TESTIMONY_SCHEMA_V2,
    id: '77777777-7777-4777-8777-777777777770',
    recordCode: 'PROP-1',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    template: { id: 'prop', version: 1 },
    templateDefinition: TEMPLATE as TestimonyJsonV2['templateDefinition'],
    sections: {
      A: {
        t1: { state: 'answered', value: t(0) },
        n1: { state: 'answered', value: t(1) },
        p1: { state: 'answered', value: { text: t(2) } },
        p2: { state: 'answered', value: { ref: FACILITY } },
        g: {
          state: 'answered',
          value: {
            items: [
              {
                id: ITEM,
                answers: {
                  t: { state: 'answered', value: t(3) },
                  who: { state: 'answered', value: { text: t(4) } },
                  perp: { state: 'answered', value: { ref: PERPETRATOR } },
                },
              },
            ],
          },
        },
      },
    },
    consent: { granted: [], withdrawn: [], canStore: true },
    events: [{ seq: 1, kind: 'session_stopped', at: '2026-01-01T00:00:00Z', reason: t(5) }],
    narrative: { text: narrative, revision: 2, sha256: sha256(narrative) },
    attachments: [
      {
        id: ATTACHMENT,
        fileName,
        size: 1,
        sha256: '0'.repeat(64),
        path: `data/testimonies/PROP-1/attachments/${fileName}`,
      },
    ],
    registers: {
      facilities: [
        { id: FACILITY, name: name(t(6)), kind: 'basement', location: t(7), aliases: [name(t(8))] },
      ],
      perpetrators: [
        {
          id: PERPETRATOR,
          names: [name(t(9))],
          callSigns: [name(t(10))],
          unit: t(11),
          description: t(13),
        },
      ],
    },
  };
}

/** Register names are trimmed and never blank in the vault (shared/forms/registers.ts). */
function name(text: string): string {
  return text.trim() === '' ? 'n' : text;
}

const scenarioArb = fc.record({
  entitySecrets: fc.uniqueArray(secretArb, { minLength: 1, maxLength: 4 }),
  spanSecrets: fc.uniqueArray(secretArb, { minLength: 0, maxLength: 3 }),
  texts: fc.array(piecesArb, { minLength: TEXT_SLOTS, maxLength: TEXT_SLOTS }),
  narrative: piecesArb,
  spanPositions: fc.array(fc.nat(), { maxLength: 3 }),
  /** How each entity redaction is typed: another spelling than the text's. */
  entityBits: fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 8 }),
  categories: fc.array(fc.constantFrom(...CATEGORIES), { minLength: 4, maxLength: 4 }),
  extraSpans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { maxLength: 4 }),
});

describe('no redacted string survives (fast-check)', () => {
  it('entity and span redactions remove every secret from every string of the document', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const texts = s.texts.map((pieces) => textOf(pieces, s.entitySecrets));
        // The narrative: entity secrets in the text, span secrets between its pieces (never
        // inside an entity's occurrence, which would no longer be one) at known offsets.
        const parts = s.narrative.map((pieces) => textOf([pieces], s.entitySecrets));
        const inserted = new Map<number, number[]>();
        s.spanSecrets.forEach((_, i) => {
          const at = (s.spanPositions[i] ?? 0) % (parts.length + 1);
          inserted.set(at, [...(inserted.get(at) ?? []), i]);
        });
        let narrative = '';
        const redactions: Redaction[] = [];
        for (let k = 0; k <= parts.length; k++) {
          for (const i of inserted.get(k) ?? []) {
            const secret = s.spanSecrets[i]!;
            redactions.push({
              id: rid(),
              kind: 'span',
              category: s.categories[i % 4]!,
              field: 'narrative',
              revision: 2,
              start: narrative.length,
              end: narrative.length + secret.length,
            });
            narrative += secret;
          }
          narrative += parts[k] ?? '';
        }
        for (const [start, length] of s.extraSpans) {
          const from = start % (narrative.length + 1);
          const to = Math.min(narrative.length, from + length + 1);
          if (from < to) {
            redactions.push({
              id: rid(),
              kind: 'span',
              category: 'other',
              field: 'narrative',
              revision: 2,
              start: from,
              end: to,
            });
          }
        }
        s.entitySecrets.forEach((secret, i) => {
          redactions.push({
            id: rid(),
            kind: 'entity',
            category: s.categories[i % 4]!,
            text: variant(secret, s.entityBits),
          });
        });

        const doc = buildDocument(texts, narrative);
        const result = redactDocument(doc, redactions, REDACTED_PROFILE, { sha256 });
        expect(result.stale).toEqual([]);
        const json = JSON.stringify(result.document);
        const left = [...json].filter((ch) => SECRET_CHARS.has(ch));
        expect(left).toEqual([]);
        const folded = foldForMatch(json);
        for (const secret of [...s.entitySecrets, ...s.spanSecrets]) {
          expect(folded.includes(foldForMatch(secret))).toBe(false);
        }
        testimonyJsonV2Schema.parse(result.document);
        expect(result.document.narrative.sha256).toBe(sha256(result.document.narrative.text));
      }),
      { numRuns: 300 },
    );
  });

  it('an entity catches every case and apostrophe spelling of itself', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.array(fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 8 }),
        fillerArb,
        (secret, spellings, typed, filler) => {
          const text = spellings.map((bits) => variant(secret, bits)).join(filler);
          const out = redactText(text, [], [{ text: variant(secret, typed), category: 'name' }]);
          expect([...out.text].filter((ch) => SECRET_CHARS.has(ch))).toEqual([]);
          expect(out.text.split(redactionToken(['name'])).join('')).toBe(
            filler.repeat(spellings.length - 1),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('spans: the output equals a character-mask model of the same spans', () => {
    const textArb = fc.string({ unit: fc.constantFrom(...FILLER, ...LOWER), maxLength: 40 });
    const spansArb = fc.array(
      fc.record({
        start: fc.nat({ max: 45 }),
        length: fc.integer({ min: 1, max: 10 }),
        category: fc.constantFrom(...CATEGORIES),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(textArb, spansArb, (text, raw) => {
        const spans = raw.map((r) => ({
          start: r.start,
          end: r.start + r.length,
          category: r.category,
        }));
        // The model: mark every covered unit with its categories, then one token per run.
        const marks: Array<Set<RedactionCategory> | undefined> = [...text].map(() => undefined);
        for (const span of spans) {
          for (let i = span.start; i < Math.min(span.end, text.length); i++) {
            (marks[i] ??= new Set()).add(span.category);
          }
        }
        let expected = '';
        for (let i = 0; i < text.length;) {
          const mark = marks[i];
          if (!mark) {
            expected += text[i];
            i++;
            continue;
          }
          const run = new Set<RedactionCategory>();
          while (i < text.length && marks[i]) marks[i++]!.forEach((c) => run.add(c));
          expected += redactionToken(CATEGORIES.filter((c) => run.has(c)));
        }
        expect(redactText(text, spans, []).text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
