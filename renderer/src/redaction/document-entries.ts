/**
 * The answers of a testimony.json (original or redacted), walked in template order and named by
 * their FieldPath (shared/redaction/field-path.ts), so both panes list the same answers under the
 * same labels and a redaction made on the left lands on the answer it was made on.
 */
import type { GroupField, LeafField, Section, Template } from '../../../shared/forms/template';
import type { PreviewDocument } from '../../../shared/ipc-redaction';

/** An answer as a bundle carries it: the vault's states, or `redacted` by a profile. */
export interface EntryAnswer {
  readonly state: string;
  readonly value?: unknown;
  readonly category?: string;
}

export interface LeafEntry {
  readonly kind: 'leaf';
  readonly path: string;
  readonly sectionId: string;
  readonly field: LeafField;
  /** The group item it belongs to, numbered from 1 as the interview shows it. */
  readonly item?: { readonly group: GroupField; readonly n: number };
  readonly answer: EntryAnswer;
}

export interface GroupEntry {
  readonly kind: 'group';
  readonly path: string;
  readonly sectionId: string;
  readonly field: GroupField;
  readonly answer: EntryAnswer;
}

export type Entry = LeafEntry | GroupEntry;

export interface SectionEntries {
  readonly section: Section;
  readonly entries: readonly Entry[];
}

function itemsOf(answer: EntryAnswer): { id: string; answers: Record<string, EntryAnswer> }[] {
  if (answer.state !== 'answered') return [];
  const value = answer.value as { items?: unknown } | null | undefined;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.items)) return [];
  return value.items as { id: string; answers: Record<string, EntryAnswer> }[];
}

/** Every answer the document holds, section by section; sections with none are left out. */
export function documentEntries(template: Template, doc: PreviewDocument): SectionEntries[] {
  const out: SectionEntries[] = [];
  for (const section of template.sections) {
    const answers = (doc.sections[section.id] ?? {}) as Record<string, EntryAnswer>;
    const entries: Entry[] = [];
    for (const field of section.fields) {
      const answer = answers[field.id];
      if (!answer) continue;
      const path = `${section.id}.${field.id}`;
      if (field.kind !== 'group') {
        entries.push({ kind: 'leaf', path, sectionId: section.id, field, answer });
        continue;
      }
      entries.push({ kind: 'group', path, sectionId: section.id, field, answer });
      itemsOf(answer).forEach((item, i) => {
        for (const child of field.fields) {
          const childAnswer = item.answers[child.id];
          if (!childAnswer) continue;
          entries.push({
            kind: 'leaf',
            path: `${path}[${item.id.toLowerCase()}].${child.id}`,
            sectionId: section.id,
            field: child,
            item: { group: field, n: i + 1 },
            answer: childAnswer,
          });
        }
      });
    }
    if (entries.length > 0) out.push({ section, entries });
  }
  return out;
}

/**
 * The free text of an answer a span can point into: text and narrative answers, and a place or
 * person given in own words. Codes, dates and register links have none (document.ts: not_text).
 */
export function spanText(entry: Entry): string | null {
  if (entry.kind !== 'leaf' || entry.answer.state !== 'answered') return null;
  const value = entry.answer.value;
  if (
    (entry.field.kind === 'text' || entry.field.kind === 'narrative') &&
    typeof value === 'string'
  )
    return value;
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? text : null;
  }
  return null;
}
