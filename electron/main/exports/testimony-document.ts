/**
 * testimony.json (schema svidok.testimony/2) of one testimony in a bundle, built from the stores'
 * own views. The register entries included are exactly those the answers point at, so a bundle
 * never carries what the vault knows about people and places unrelated to its testimonies.
 * `registers.people` is written only when some answer links a person: a bundle without one reads
 * exactly as before the people register existed.
 */
import { createHash } from 'node:crypto';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { Facility, Person, Perpetrator, RegisterName } from '../../../shared/forms/registers';
import type { Template } from '../../../shared/forms/template';
import { TESTIMONY_SCHEMA_V2 } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { registerLinks } from '../interviews';
import type { Interview } from '../interviews';
import type { Testimony } from '../testimonies';

export interface BundledAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  /** Relative to the bag root: "data/testimonies/<code>/attachments/<safe name>". */
  readonly path: string;
  /** A redacted rendering of the original with intake hash `from` (redacted bundles only). */
  readonly derived?: { readonly from: string; readonly kind: 'blackout' | 'metadata_removed' };
}

/** The vault's registers (or what of them is known); people may be absent, as in older bundles. */
export interface DocumentRegisters {
  readonly facilities: readonly Facility[];
  readonly perpetrators: readonly Perpetrator[];
  readonly people?: readonly Person[] | undefined;
}

export interface DocumentInput {
  readonly testimony: Testimony;
  readonly interview: Interview;
  readonly template: Template;
  readonly registers: DocumentRegisters;
  readonly attachments: readonly BundledAttachment[];
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The answers of every section saved at least once (an unsaved section has nothing to say). */
export function savedSections(interview: Interview): Record<string, SectionAnswers> {
  const sections: Record<string, SectionAnswers> = {};
  for (const [id, state] of Object.entries(interview.sections)) {
    if (state.revision > 0) sections[id] = state.answers;
  }
  return sections;
}

export function testimonyDocument(input: DocumentInput): TestimonyJsonV2 {
  const { testimony, interview, template } = input;
  const sections = savedSections(interview);
  const refs = registerRefs(template, sections);
  const people = (input.registers.people ?? []).filter((p) => refs.people.has(p.id));
  return {
    schema: TESTIMONY_SCHEMA_V2,
    id: testimony.id,
    recordCode: testimony.recordCode,
    createdAt: testimony.createdAt,
    updatedAt: testimony.updatedAt,
    template: { id: interview.templateId, version: interview.templateVersion },
    // A deep copy through JSON: the template constants are frozen data, never shared by reference.
    templateDefinition: JSON.parse(
      JSON.stringify(template),
    ) as TestimonyJsonV2['templateDefinition'],
    sections,
    consent: {
      granted: [...interview.consent.granted],
      withdrawn: [...interview.consent.withdrawn],
      canStore: interview.consent.canStore,
    },
    events: interview.events.map((event) => ({ ...event })),
    narrative: {
      text: testimony.narrative,
      revision: testimony.revision,
      sha256: sha256Hex(Buffer.from(testimony.narrative, 'utf8')),
    },
    attachments: input.attachments.map((a) => ({ ...a })),
    registers: {
      facilities: input.registers.facilities.filter((f) => refs.facilities.has(f.id)),
      perpetrators: input.registers.perpetrators.filter((p) => refs.perpetrators.has(p.id)),
      ...(people.length > 0 ? { people } : {}),
    },
  };
}

/** Ids of the register entries that place and person answers link to ({ ref }). */
export function registerRefs(
  template: Template,
  sections: Readonly<Record<string, SectionAnswers>>,
): Record<RegisterName, Set<string>> {
  const refs = {
    facilities: new Set<string>(),
    perpetrators: new Set<string>(),
    people: new Set<string>(),
  };
  for (const section of template.sections) {
    const answers = sections[section.id];
    if (!answers) continue;
    for (const { register, entryId } of registerLinks(section, answers)) {
      if (register !== null) refs[register].add(entryId);
    }
  }
  return refs;
}
