/**
 * A field of several register entries (`{ refs, text? }`, template v2) in redaction: every entry
 * it links stays in the document's registers, entity redactions reach its words without losing
 * the links, and an identifying field of several people offers each one's names.
 */
import { describe, expect, it } from 'vitest';
import {
  TORTURE_DETENTION_V2,
  linkSeveral,
} from '../../../shared/forms/templates/torture-detention-v2';
import { REDACTED_PROFILE, redactDocument, suggestRedactions } from '../../../shared/redaction';
import type { Redaction, RedactionProfile } from '../../../shared/redaction';
import { testimonyJsonV2Schema } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { IDS, baseDocument, entity, sha256 } from './documents';

const PERSON_1 = '66666666-6666-4666-8666-666666666661';
const PERSON_2 = '66666666-6666-4666-8666-666666666662';
const WORDS = 'ще один, Ковальчук казала що його звуть Бойко';

/** The base document taken with `template`; the first act names both perpetrators and words. */
function withSeveral(template = TORTURE_DETENTION_V2): TestimonyJsonV2 {
  const doc = baseDocument();
  doc.template = { id: template.id, version: template.version };
  doc.templateDefinition = JSON.parse(
    JSON.stringify(template),
  ) as TestimonyJsonV2['templateDefinition'];
  const acts = doc.sections['I']!['acts']!;
  const items = (acts as { value: { items: Array<{ answers: Record<string, unknown> }> } }).value
    .items;
  items[0]!.answers['perpetrator'] = {
    state: 'answered',
    value: { refs: [IDS.perpetrator, IDS.perpetratorSv], text: WORDS },
  };
  // Only the act links the second perpetrator now.
  doc.sections['SV']!['perpetrator'] = { state: 'unknown' };
  return testimonyJsonV2Schema.parse(doc);
}

function redact(doc: TestimonyJsonV2, redactions: Redaction[], profile: RedactionProfile) {
  const result = redactDocument(doc, redactions, profile, { sha256 });
  testimonyJsonV2Schema.parse(result.document);
  return result;
}

const KEEP_ALL: RedactionProfile = {
  ...REDACTED_PROFILE,
  id: 'keep-all',
  sensitivity: { ...REDACTED_PROFILE.sensitivity, identifying: 'keep', sexual_violence: 'keep' },
};

const perpetratorOf = (doc: TestimonyJsonV2) =>
  (
    doc.sections['I']!['acts'] as {
      value: { items: Array<{ answers: Record<string, { value?: unknown }> }> };
    }
  ).value.items[0]!.answers['perpetrator'];

describe('several perpetrators in redaction', () => {
  it('keeps every entry the field links in the registers, each redacted by entity', () => {
    const { document, counts } = redact(withSeveral(), [entity('Іваненко')], KEEP_ALL);
    expect(document.registers.perpetrators.map((p) => p.id)).toEqual([
      IDS.perpetrator,
      IDS.perpetratorSv,
    ]);
    expect(counts.registerEntriesDropped).toBe(0);
    expect(document.registers.perpetrators[1]!.names).toEqual(['[REDACTED: name]']);
  });

  it('an entity redaction reaches the words and leaves the links', () => {
    const { document } = redact(withSeveral(), [entity('Бойко')], KEEP_ALL);
    expect(perpetratorOf(document)).toEqual({
      state: 'answered',
      value: {
        refs: [IDS.perpetrator, IDS.perpetratorSv],
        text: 'ще один, Ковальчук казала що його звуть [REDACTED: name]',
      },
    });
  });

  it('an identifying field of several people offers each linked person’s names', () => {
    const template = linkSeveral(TORTURE_DETENTION_V2, ['I.acts.witness']);
    const doc = withSeveral(template);
    const items = (
      doc.sections['I']!['acts'] as {
        value: { items: Array<{ answers: Record<string, unknown> }> };
      }
    ).value.items;
    items[0]!.answers['witness'] = { state: 'answered', value: { refs: [PERSON_1, PERSON_2] } };
    doc.registers.people = [
      { id: PERSON_1, names: ['Ольга Бондаренко'], roles: ['witness'], description: '' },
      { id: PERSON_2, names: ['Степан Мельник'], roles: ['witness'], description: '' },
    ];
    const field = `I.acts[${IDS.item1}].witness`;
    const offered = suggestRedactions(testimonyJsonV2Schema.parse(doc))
      .filter((s) => s.field === field)
      .map((s) => [s.text, s.category]);
    expect(offered).toEqual(
      expect.arrayContaining([
        ['Ольга Бондаренко', 'name'],
        ['Бондаренко', 'name'],
        ['Степан Мельник', 'name'],
        ['Мельник', 'name'],
      ]),
    );
  });
});
