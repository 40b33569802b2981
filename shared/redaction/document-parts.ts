/**
 * The parts of redactDocument (document.ts) beyond the answers and texts: register entries (entity
 * redactions over every field; entries no remaining answer links to are dropped) and attachments
 * (excluded, blacked out, names and bag paths redacted).
 */
import type { TestimonyJsonV2 } from '../testimony-json';
import type { Run } from './document';
import { containsEntity } from './entities';
import { isGroupValue } from './group-value';
import type { BlackoutRegion, Redaction } from './model';

/** Bounds of testimony.json v2 and the registers; a redacted text that outgrows one is removed whole. */
const LIMITS = {
  name: 300,
  location: 500,
  unit: 500,
  description: 5_000,
} as const;

export function redactRegisters(run: Run, document: TestimonyJsonV2): void {
  const refs = answerRefs(document.sections);
  const { facilities, perpetrators, people = [] } = document.registers;
  const keptFacilities = facilities.filter((f) => refs.has(f.id));
  const keptPerpetrators = perpetrators.filter((p) => refs.has(p.id));
  const keptPeople = people.filter((p) => refs.has(p.id));
  run.counts.registerEntriesDropped +=
    facilities.length -
    keptFacilities.length +
    perpetrators.length -
    keptPerpetrators.length +
    people.length -
    keptPeople.length;
  const names = (list: string[]) => list.map((n) => run.plain(n, LIMITS.name));
  document.registers = {
    facilities: keptFacilities.map((f) => ({
      ...f,
      name: run.plain(f.name, LIMITS.name),
      location: run.plain(f.location, LIMITS.location),
      aliases: names(f.aliases),
    })),
    perpetrators: keptPerpetrators.map((p) => ({
      ...p,
      names: names(p.names),
      callSigns: names(p.callSigns),
      unit: run.plain(p.unit, LIMITS.unit),
      description: run.plain(p.description, LIMITS.description),
    })),
    // Absent stays absent: a bundle without people reads as one made before the register.
    ...(keptPeople.length > 0
      ? {
          people: keptPeople.map((p) => ({
            ...p,
            names: names(p.names),
            description: run.plain(p.description, LIMITS.description),
          })),
        }
      : {}),
  };
}

/** Register ids the (already redacted) answers still link to with `{ ref }`. */
function answerRefs(sections: TestimonyJsonV2['sections']): Set<string> {
  const refs = new Set<string>();
  const visit = (answer: { state: string; value?: unknown }) => {
    if (answer.state !== 'answered') return;
    const value = answer.value;
    if (typeof value !== 'object' || value === null) return;
    const { ref, refs: many } = value as { ref?: unknown; refs?: unknown };
    if (typeof ref === 'string') refs.add(ref);
    // A multiple person field's entries (an act's perpetrators) stay, each of them.
    if (Array.isArray(many)) for (const id of many) if (typeof id === 'string') refs.add(id);
  };
  for (const answers of Object.values(sections)) {
    for (const answer of Object.values(answers)) {
      if (answer.state === 'answered' && isGroupValue(answer.value)) {
        for (const item of answer.value.items) {
          for (const child of Object.values(item.answers)) visit(child);
        }
      } else visit(answer);
    }
  }
  return refs;
}

export function redactAttachments(
  run: Run,
  document: TestimonyJsonV2,
  active: readonly Redaction[],
): { excluded: string[]; blackouts: Map<string, BlackoutRegion[]> } {
  const excludedIds = new Set<string>();
  const regions = new Map<string, BlackoutRegion[]>();
  for (const r of active) {
    if (r.kind !== 'attachment') continue;
    const id = r.attachmentId.toLowerCase();
    if (r.action === 'exclude') excludedIds.add(id);
    else regions.set(id, [...(regions.get(id) ?? []), ...r.regions]);
  }
  const excluded: string[] = [];
  const blackouts = new Map<string, BlackoutRegion[]>();
  const kept: TestimonyJsonV2['attachments'] = [];
  for (const attachment of document.attachments) {
    const id = attachment.id.toLowerCase();
    if (excludedIds.has(id)) {
      excluded.push(attachment.id);
      run.counts.attachmentsExcluded++;
      continue;
    }
    const boxes = regions.get(id);
    if (boxes) {
      blackouts.set(attachment.id, boxes);
      run.counts.attachmentsBlackedOut++;
    }
    const fileName = run.plain(attachment.fileName, Infinity);
    kept.push({
      ...attachment,
      fileName,
      path: redactBagPath(run, attachment.id, attachment.path, fileName !== attachment.fileName),
    });
  }
  document.attachments = kept;
  return { excluded, blackouts };
}

/**
 * The bag path's last segment is the (made safe) original file name. When the name held a
 * redacted string, the segment becomes the attachment's id with the extension kept: a token
 * would make two redacted names collide, and the bag's own spelling of the name may differ
 * from the original enough to slip past matching. The caller must store the file under the
 * path the redacted document names.
 */
function redactBagPath(run: Run, id: string, path: string, nameRedacted: boolean): string {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const segment = path.slice(slash + 1);
  const dot = segment.lastIndexOf('.');
  const original = dot > 0 ? segment.slice(dot) : '';
  const extension = containsEntity(original, run.entities) ? '' : original;
  const folderOut = run.plain(folder, Infinity, [], true);
  if (nameRedacted || containsEntity(segment, run.entities)) {
    return `${folderOut}${id}${extension}`;
  }
  return `${folderOut}${segment}`;
}
