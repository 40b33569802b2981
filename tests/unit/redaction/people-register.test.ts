/**
 * Co-detainees and witnesses linked to the people register (template v2) in redaction: the
 * entry's names are offered as suggestions like the free text they replace, a profile that
 * removes identifying answers drops the entry with the link, and an entity redaction reaches its
 * names. A bundle without people keeps the shape of one made before the register existed.
 */
import { describe, expect, it } from 'vitest';
import { TORTURE_DETENTION_V2 } from '../../../shared/forms/templates/torture-detention-v2';
import { REDACTED_PROFILE, redactDocument, suggestRedactions } from '../../../shared/redaction';
import type { Redaction, RedactionProfile } from '../../../shared/redaction';
import { testimonyJsonV2Schema } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { IDS, baseDocument, entity, sha256 } from './documents';

const PERSON = '66666666-6666-4666-8666-666666666661';
const OLHA = 'Ольга Бондаренко';

/** The base document taken with v2: the co-detainee of section E links to a person. */
function withPerson(): TestimonyJsonV2 {
  const doc = baseDocument();
  doc.template = { id: TORTURE_DETENTION_V2.id, version: TORTURE_DETENTION_V2.version };
  doc.templateDefinition = JSON.parse(
    JSON.stringify(TORTURE_DETENTION_V2),
  ) as TestimonyJsonV2['templateDefinition'];
  doc.sections['E']!['captured_with'] = {
    state: 'answered',
    value: {
      items: [{ id: IDS.item1, answers: { who: { state: 'answered', value: { ref: PERSON } } } }],
    },
  };
  doc.narrative.text += ` Зі мною була ${OLHA}.`;
  doc.narrative.sha256 = sha256(doc.narrative.text);
  doc.registers.people = [
    {
      id: PERSON,
      names: [OLHA, 'Оля'],
      roles: ['co_detainee'],
      description: 'Вчителька з Херсона',
    },
  ];
  return testimonyJsonV2Schema.parse(doc);
}

function redact(doc: TestimonyJsonV2, redactions: Redaction[], profile: RedactionProfile) {
  const result = redactDocument(doc, redactions, profile, { sha256 });
  testimonyJsonV2Schema.parse(result.document);
  return result;
}

const IDENTIFYING_KEPT: RedactionProfile = {
  ...REDACTED_PROFILE,
  id: 'identifying-kept',
  sensitivity: { ...REDACTED_PROFILE.sensitivity, identifying: 'keep', sexual_violence: 'keep' },
};

describe('the people register in redaction', () => {
  it('suggests a linked person’s names from the identifying field that links them', () => {
    const suggestions = suggestRedactions(withPerson());
    const from = suggestions.filter((s) => s.field === `E.captured_with[${IDS.item1}].who`);
    expect(from.map((s) => [s.text, s.category, s.source])).toEqual(
      expect.arrayContaining([
        [OLHA, 'name', 'identifying_field'],
        ['Оля', 'name', 'identifying_field'],
        ['Бондаренко', 'name', 'identifying_field'],
      ]),
    );
  });

  it('suggests a person of the vault’s register whose name occurs in the texts', () => {
    const doc = withPerson();
    doc.registers.people = [];
    doc.sections['E']!['captured_with'] = { state: 'unknown' };
    const suggestions = suggestRedactions(doc, [{ text: OLHA, category: 'name' }]);
    expect(suggestions).toContainEqual({
      text: OLHA,
      category: 'name',
      source: 'register',
      field: 'narrative',
    });
  });

  it('a profile that removes identifying answers drops the person with the link', () => {
    const { document, counts } = redact(withPerson(), [entity(OLHA)], REDACTED_PROFILE);
    expect(document.sections['E']!['captured_with']).toMatchObject({ state: 'redacted' });
    expect(document.registers.people).toBeUndefined();
    expect(counts.registerEntriesDropped).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(document)).not.toContain('Бондаренко');
  });

  it('an entity redaction reaches the names of a person the answers still link to', () => {
    const { document } = redact(withPerson(), [entity('Бондаренко')], IDENTIFYING_KEPT);
    expect(document.registers.people).toHaveLength(1);
    expect(document.registers.people![0]!.names[0]).toBe('Ольга [REDACTED: name]');
    expect(document.registers.people![0]!.description).toBe('Вчителька з Херсона');
    expect(JSON.stringify(document)).not.toContain('Бондаренко');
  });

  it('a bundle without people stays without the key; an older bundle still reads', () => {
    const old = baseDocument();
    expect('people' in old.registers).toBe(false);
    expect(testimonyJsonV2Schema.safeParse(old).success).toBe(true);
    const { document } = redact(old, [entity('Ковальчук')], REDACTED_PROFILE);
    expect('people' in document.registers).toBe(false);
  });

  it('refuses a person with a role outside the vocabulary or an extra key', () => {
    const doc = withPerson();
    const bad = (person: object) =>
      testimonyJsonV2Schema.safeParse({ ...doc, registers: { ...doc.registers, people: [person] } })
        .success;
    const person = doc.registers.people![0]!;
    expect(bad(person)).toBe(true);
    expect(bad({ ...person, roles: ['guard'] })).toBe(false);
    expect(bad({ ...person, callSigns: [] })).toBe(false);
  });
});
