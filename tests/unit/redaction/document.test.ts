import { describe, expect, it } from 'vitest';
import {
  FULL_PROFILE,
  REDACTED_PROFILE,
  foldForMatch,
  redactDocument,
} from '../../../shared/redaction';
import type { Redaction, RedactionProfile } from '../../../shared/redaction';
import { testimonyJsonV2Schema } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { IDS, NARRATIVE, baseDocument, entity, field, rid, sha256, span } from './documents';

const NAME = '[REDACTED: name]';
const opts = { sha256 };

function redact(
  redactions: Redaction[],
  profile: RedactionProfile = REDACTED_PROFILE,
  doc: TestimonyJsonV2 = baseDocument(),
  sectionRevisions?: Record<string, number>,
) {
  const result = redactDocument(doc, redactions, profile, { sha256, sectionRevisions });
  // Whatever it did, the output is still a valid bundle document.
  testimonyJsonV2Schema.parse(result.document);
  return result;
}

type Items = { items: Array<{ id: string; answers: Record<string, unknown> }> };
const itemsOf = (doc: TestimonyJsonV2, section: string, fieldId: string) =>
  (doc.sections[section]![fieldId] as { value: Items }).value.items;

/** A profile that removes only what it is told: every sensitivity kept. */
const CATEGORIES_ONLY: RedactionProfile = {
  ...REDACTED_PROFILE,
  id: 'categories-only',
  sensitivity: {
    identifying: 'keep',
    location: 'keep',
    medical: 'keep',
    sexual_violence: 'keep',
    other: 'keep',
  },
};

describe('redactDocument: profiles', () => {
  it('full: the document comes back unchanged, a copy, whatever the redactions say', () => {
    const doc = baseDocument();
    const result = redact(
      [entity('Ковальчук'), field('C.name_uk'), span('narrative', 1, 0, 3)],
      FULL_PROFILE,
      doc,
    );
    expect(result.document).toEqual(baseDocument());
    expect(result.document).not.toBe(doc);
    expect(result.stale).toEqual([]);
    expect(result.excludedAttachmentIds).toEqual([]);
  });

  it('never mutates its input', () => {
    const doc = baseDocument();
    const before = JSON.stringify(doc);
    redact(
      [
        entity('Ковальчук'),
        field('E.circumstances'),
        span('narrative', 4, 0, 5),
        {
          id: rid(),
          kind: 'attachment',
          category: 'other',
          attachmentId: IDS.scan,
          action: 'exclude',
        },
      ],
      REDACTED_PROFILE,
      doc,
    );
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('redacted: removes identifying and sexual-violence fields, keeps location, medical, other', () => {
    const { document: out, counts } = redact([]);
    const c = out.sections.C!;
    expect(c.name_uk).toEqual({ state: 'redacted', category: 'name' });
    expect(c.birth_date).toEqual({ state: 'redacted', category: 'name' });
    expect(c.sex).toEqual({ state: 'redacted', category: 'name' });
    // A declined answer of an identifying field goes too: the state itself is not for everyone.
    expect(c.service_number).toEqual({ state: 'redacted', category: 'name' });
    expect(c.documents).toEqual({ state: 'redacted', category: 'name' });
    expect(c.health_before).toEqual(baseDocument().sections.C!.health_before);
    // The category of a sexual-violence field tells nothing of the subject.
    expect(out.sections.SV).toEqual({
      account: { state: 'redacted', category: 'other' },
      perpetrator: { state: 'redacted', category: 'other' },
    });
    expect(out.sections.E!.captured_with).toEqual({ state: 'redacted', category: 'name' });
    expect(out.sections.E!.place).toEqual({ state: 'answered', value: { ref: IDS.facility } });
    expect(itemsOf(out, 'I', 'acts')[0]!.answers.place).toEqual({
      state: 'answered',
      value: { text: 'підвал на вулиці Шевченка' },
    });
    expect(counts.fields).toBe(7 + 2 + 1);
    // No remaining answer names the SV perpetrator: its register entry does not travel.
    expect(out.registers.perpetrators.map((p) => p.id)).toEqual([IDS.perpetrator]);
    expect(out.registers.facilities.map((f) => f.id)).toEqual([IDS.facility]);
    expect(counts.registerEntriesDropped).toBe(1);
    expect(out.narrative).toEqual(baseDocument().narrative);
  });

  it('a custom profile: removes medical fields as "medical", applies only removed categories', () => {
    const profile: RedactionProfile = {
      ...CATEGORIES_ONLY,
      id: 'medical',
      sensitivity: { ...CATEGORIES_ONLY.sensitivity, medical: 'remove' },
      categories: { ...CATEGORIES_ONLY.categories, place: 'keep' },
    };
    const { document: out } = redact([entity('Петро', 'place'), entity('Гнатюк', 'name')], profile);
    expect(out.sections.C!.health_before).toEqual({ state: 'redacted', category: 'medical' });
    expect(out.sections.C!.name_uk).toEqual(baseDocument().sections.C!.name_uk);
    expect(out.sections.E!.circumstances).toEqual(baseDocument().sections.E!.circumstances);
    expect(itemsOf(out, 'E', 'captured_with')[0]!.answers.who).toEqual({
      state: 'answered',
      value: { text: `Петро ${NAME}` },
    });
  });

  it('a field the embedded template does not describe travels only when every sensitivity is kept', () => {
    const doc = baseDocument();
    doc.sections.E!.mystery = { state: 'answered', value: 'Ковальчук' };
    expect(redact([], REDACTED_PROFILE, doc).document.sections.E!.mystery).toEqual({
      state: 'redacted',
      category: 'other',
    });
    expect(redact([], CATEGORIES_ONLY, doc).document.sections.E!.mystery).toEqual({
      state: 'answered',
      value: 'Ковальчук',
    });
  });
});

describe('redactDocument: entities everywhere', () => {
  const names = [entity('Ковальчук'), entity("Мар'яна"), entity('ГРІМ'), entity('СИДОРЕНКО')];

  it('leaves no case or apostrophe variant anywhere in the JSON', () => {
    const { document: out, counts } = redact(names, CATEGORIES_ONLY);
    const folded = foldForMatch(JSON.stringify(out));
    for (const name of ['ковальчук', "мар'яна", 'грім', 'сидоренко']) {
      expect(folded.includes(name), name).toBe(false);
    }
    expect(counts.entityHits).toBeGreaterThan(10);
  });

  it('redacts the narrative and gives it a new hash', () => {
    const { document: out } = redact(names, CATEGORIES_ONLY);
    expect(out.narrative.text).toBe(
      `Мене звати ${NAME} ${NAME}. ${NAME} — так кричав «${NAME}». ${NAME}, ${NAME}. Телефон +380 67 123 45 67.`,
    );
    expect(out.narrative.sha256).toBe(sha256(out.narrative.text));
    expect(out.narrative.sha256).not.toBe(sha256(NARRATIVE));
    expect(out.narrative.revision).toBe(4);
  });

  it('redacts answers, group items, person text, event reasons', () => {
    const { document: out } = redact(names, CATEGORIES_ONLY);
    expect(out.sections.C!.name_uk).toEqual({
      state: 'answered',
      value: `${NAME} ${NAME} Іванівна`,
    });
    expect(out.sections.E!.circumstances).toMatchObject({
      value: `Забрали з дому в ${NAME}ів, поруч був сусід Петро.`,
    });
    expect(itemsOf(out, 'I', 'acts')[0]!.answers.description).toEqual({
      state: 'answered',
      value: `Били. ${NAME} мовчала. «${NAME}» сміявся.`,
    });
    // Matching is by substring: a declined form with another ending ("Марʼяни") is a different
    // string and needs its own entity (or a shorter stem, "Марʼян").
    expect(out.events[1]!.reason).toBe(`Подзвонив син Марʼяни ${NAME}.`);
    expect(out.events[0]).toEqual(baseDocument().events[0]);
  });

  it('redacts register entries and keeps their ids', () => {
    const { document: out } = redact(names, CATEGORIES_ONLY);
    expect(out.registers.facilities[0]).toEqual({
      id: IDS.facility,
      name: 'Херсонський СІЗО',
      kind: 'pre_trial_detention',
      location: 'Херсон',
      aliases: [`СІЗО ${NAME}а`],
    });
    expect(out.registers.perpetrators[0]).toEqual({
      id: IDS.perpetrator,
      names: [NAME],
      callSigns: [NAME],
      unit: 'в/ч 12345',
      description: `Високий, кричав на ${NAME}.`,
    });
    // The answer still points at the entry.
    expect(itemsOf(out, 'I', 'acts')[0]!.answers.perpetrator).toEqual({
      state: 'answered',
      value: { ref: IDS.perpetrator },
    });
  });

  it('redacts attachment names; the bag path keeps only the id and the extension', () => {
    const { document: out } = redact(names, CATEGORIES_ONLY);
    expect(out.attachments[0]).toMatchObject({
      id: IDS.photo,
      fileName: `${NAME}_рука.jpg`,
      path: `data/testimonies/KH-2026-001/attachments/${IDS.photo}.jpg`,
    });
    expect(out.attachments[1]).toEqual(baseDocument().attachments[1]);
  });

  it('removes a code, a date or a list of codes whole when an entity occurs in it', () => {
    const { document: out } = redact(
      [entity('1985-03-12', 'other'), entity('BEATING', 'other')],
      CATEGORIES_ONLY,
    );
    expect(out.sections.C!.birth_date).toEqual({ state: 'redacted', category: 'other' });
    expect(itemsOf(out, 'I', 'acts')[0]!.answers.methods).toEqual({
      state: 'redacted',
      category: 'other',
    });
    expect(out.sections.C!.sex).toEqual(baseDocument().sections.C!.sex);
  });

  it('replaces a text that would outgrow its bound by one token', () => {
    const doc = baseDocument();
    doc.registers.facilities[0]!.name = 'я '.repeat(149) + 'я';
    const { document: out } = redact([entity('я')], CATEGORIES_ONLY, doc);
    expect(out.registers.facilities[0]!.name).toBe(NAME);
  });
});

describe('redactDocument: spans and staleness', () => {
  const start = NARRATIVE.indexOf('Марʼяна');

  it('applies a span anchored to the current narrative revision', () => {
    const {
      document: out,
      stale,
      counts,
    } = redact([span('narrative', 4, start, start + 'Марʼяна Ковальчук'.length)], CATEGORIES_ONLY);
    expect(out.narrative.text.startsWith(`Мене звати ${NAME}. КОВАЛЬЧУК`)).toBe(true);
    expect(out.narrative.sha256).toBe(sha256(out.narrative.text));
    expect(stale).toEqual([]);
    expect(counts.spans).toBe(1);
  });

  it('does not apply a span of another revision, and reports it stale', () => {
    const old = span('narrative', 3, start, start + 7);
    const { document: out, stale } = redact([old], CATEGORIES_ONLY);
    expect(out.narrative.text).toBe(NARRATIVE);
    expect(stale).toEqual([{ redaction: old, reason: 'revision_changed', currentRevision: 4 }]);
  });

  it('section spans are checked against the section revisions the caller gives', () => {
    const text = 'Забрали з дому в Ковальчуків, поруч був сусід Петро.';
    const at = text.indexOf('Петро');
    const s = span('E.circumstances', 7, at, at + 5);
    const applied = redact([s], CATEGORIES_ONLY, baseDocument(), { E: 7 });
    expect(applied.document.sections.E!.circumstances).toMatchObject({
      value: `Забрали з дому в Ковальчуків, поруч був сусід ${NAME}.`,
    });
    expect(applied.stale).toEqual([]);
    expect(redact([s], CATEGORIES_ONLY, baseDocument(), { E: 8 }).stale[0]).toMatchObject({
      reason: 'revision_changed',
      currentRevision: 8,
    });
    expect(redact([s], CATEGORIES_ONLY).stale[0]).toMatchObject({ reason: 'revision_unknown' });
  });

  it('applies spans in group items and in person text', () => {
    const { document: out } = redact(
      [
        span(`I.acts[${IDS.item2}].description`, 2, 0, 5, 'other'),
        span(`E.captured_with[${IDS.item1}].who`, 1, 6, 12),
      ],
      CATEGORIES_ONLY,
      baseDocument(),
      { I: 2, E: 1 },
    );
    expect(itemsOf(out, 'I', 'acts')[1]!.answers.description).toEqual({
      state: 'answered',
      value: '[REDACTED: other] уночі.',
    });
    expect(itemsOf(out, 'E', 'captured_with')[0]!.answers.who).toEqual({
      state: 'answered',
      value: { text: `Петро ${NAME}` },
    });
  });

  it('reports spans it cannot place: missing field, no text, beyond the end', () => {
    const missing = span(`I.acts[${IDS.doc1}].description`, 2, 0, 1);
    const noText = span(`I.acts[${IDS.item1}].methods`, 2, 0, 1);
    const tooFar = span('narrative', 4, 0, NARRATIVE.length + 1);
    const { stale, document: out } = redact(
      [missing, noText, tooFar],
      CATEGORIES_ONLY,
      baseDocument(),
      {
        I: 2,
      },
    );
    expect(stale.map((s) => [s.redaction, s.reason])).toEqual([
      [missing, 'field_missing'],
      [noText, 'not_text'],
      [tooFar, 'out_of_range'],
    ]);
    expect(out.narrative.text).toBe(NARRATIVE);
  });

  it('spans under a removed field, or of a kept category, are neither applied nor stale', () => {
    const kept: RedactionProfile = {
      ...CATEGORIES_ONLY,
      categories: { ...CATEGORIES_ONLY.categories, medical: 'keep' },
    };
    const underRemoved = span('C.name_uk', 1, 0, 3);
    const keptCategory = span('narrative', 99, 0, 3, 'medical');
    const { stale, document: out } = redact(
      [field('C.name_uk', 'name'), underRemoved, keptCategory],
      kept,
    );
    expect(stale).toEqual([]);
    expect(out.sections.C!.name_uk).toEqual({ state: 'redacted', category: 'name' });
    expect(out.narrative.text).toBe(NARRATIVE);
  });
});

describe('redactDocument: field redactions', () => {
  it('removes a section field, a group item field, the narrative and an event reason', () => {
    const { document: out, counts } = redact(
      [
        field('E.circumstances', 'place'),
        field(`I.acts[${IDS.item1.toUpperCase()}].description`, 'medical'),
        field('narrative', 'other'),
        field('events[2].reason', 'contact'),
      ],
      CATEGORIES_ONLY,
    );
    expect(out.sections.E!.circumstances).toEqual({ state: 'redacted', category: 'place' });
    expect(itemsOf(out, 'I', 'acts')[0]!.answers.description).toEqual({
      state: 'redacted',
      category: 'medical',
    });
    expect(itemsOf(out, 'I', 'acts')[1]!.answers.description).toMatchObject({ state: 'answered' });
    expect(out.narrative.text).toBe('[REDACTED: other]');
    expect(out.narrative.sha256).toBe(sha256('[REDACTED: other]'));
    expect(out.events[1]!.reason).toBe('[REDACTED: contact]');
    expect(counts.fields).toBe(4);
  });

  it('dropping a place answer drops its facility from the registers', () => {
    const { document: out } = redact([field('E.place', 'place')], CATEGORIES_ONLY);
    expect(out.registers.facilities).toEqual([]);
  });
});

describe('redactDocument: attachments', () => {
  const exclude = (id: string, category: Redaction['category'] = 'other'): Redaction => ({
    id: rid(),
    kind: 'attachment',
    category,
    attachmentId: id,
    action: 'exclude',
  });
  const blackout = (id: string, x: number): Redaction => ({
    id: rid(),
    kind: 'attachment',
    category: 'name',
    attachmentId: id,
    action: 'blackout',
    regions: [{ x, y: 0, w: 5, h: 5 }],
  });

  it('excludes and blacks out; several blackouts of one image add up', () => {
    const result = redact(
      [exclude(IDS.scan), blackout(IDS.photo, 1), blackout(IDS.photo, 2)],
      CATEGORIES_ONLY,
    );
    expect(result.document.attachments.map((a) => a.id)).toEqual([IDS.photo]);
    expect(result.excludedAttachmentIds).toEqual([IDS.scan]);
    expect(result.blackouts.get(IDS.photo)).toEqual([
      { x: 1, y: 0, w: 5, h: 5 },
      { x: 2, y: 0, w: 5, h: 5 },
    ]);
    expect(result.counts).toMatchObject({ attachmentsExcluded: 1, attachmentsBlackedOut: 1 });
  });

  it('an excluded attachment needs no blackout; a kept category excludes nothing', () => {
    const result = redact([exclude(IDS.photo), blackout(IDS.photo, 1)], CATEGORIES_ONLY);
    expect(result.blackouts.size).toBe(0);
    const profile: RedactionProfile = {
      ...CATEGORIES_ONLY,
      categories: { ...CATEGORIES_ONLY.categories, medical: 'keep' },
    };
    expect(redact([exclude(IDS.photo, 'medical')], profile).document.attachments).toHaveLength(2);
  });
});

describe('redactDocument: options', () => {
  it('hashes with the function it is given', () => {
    const calls: string[] = [];
    const result = redactDocument(baseDocument(), [entity('Ковальчук')], CATEGORIES_ONLY, {
      sha256: (text) => {
        calls.push(text);
        return 'f'.repeat(64);
      },
    });
    expect(calls).toEqual([result.document.narrative.text]);
    expect(result.document.narrative.sha256).toBe('f'.repeat(64));
    // Unchanged narrative: no hashing at all.
    const untouched = redactDocument(baseDocument(), [entity('Петро')], CATEGORIES_ONLY, {
      ...opts,
      sha256: () => {
        throw new Error('must not hash');
      },
    });
    expect(untouched.document.narrative.sha256).toBe(sha256(NARRATIVE));
  });
});
