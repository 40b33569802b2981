/**
 * Suggestions for entity redactions, offered one click each; the interviewer confirms every
 * one (issue 6). Three sources: the values of identifying fields (section C and any field the
 * template marks identifying, with the names of a people-register entry it links to), patterns in
 * the free texts (patterns.ts), and register names (perpetrators, people, facilities) that occur
 * in the texts.
 */
import type { TestimonyJsonV2 } from '../testimony-json';
import { compileEntities, containsEntity } from './entities';
import { matchKey } from './fold';
import { MAX_ENTITY_CHARS } from './model';
import type { RedactionCategory } from './model';
import { findPatterns } from './patterns';
import type { PatternKind } from './patterns';
import { templateFields } from './template-fields';
import type { FieldInfo } from './template-fields';

export type SuggestionSource = 'identifying_field' | 'register' | PatternKind;

export interface RedactionSuggestion {
  /** The text to redact everywhere (an entity redaction). */
  readonly text: string;
  readonly category: RedactionCategory;
  readonly source: SuggestionSource;
  /** Where it was found first (a FieldPath), if in an answer, the narrative or an event. */
  readonly field?: string;
}

/** A name from the vault's registers; a bare string is a person's name. */
export type RegisterNameInput =
  string | { readonly text: string; readonly category: RedactionCategory };

interface ContentText {
  readonly text: string;
  readonly field?: string;
}

/** Suggestions in a stable order: identifying fields, then patterns, then register names. */
export function suggestRedactions(
  doc: TestimonyJsonV2,
  registerNames: readonly RegisterNameInput[] = [],
): RedactionSuggestion[] {
  const out: RedactionSuggestion[] = [];
  const seen = new Set<string>();
  const offer = (suggestion: RedactionSuggestion) => {
    const text = suggestion.text.trim();
    const key = matchKey(text);
    if (key.length < 2 || text.length > MAX_ENTITY_CHARS || seen.has(key)) return;
    seen.add(key);
    out.push({ ...suggestion, text });
  };

  for (const suggestion of identifyingValues(doc)) offer(suggestion);
  const texts = [...contentTexts(doc)];
  // Register entries of the document may hold numbers and addresses too.
  const registerTexts: ContentText[] = [...registerStrings(doc)].map((text) => ({ text }));
  for (const { text, field } of [...texts, ...registerTexts]) {
    for (const match of findPatterns(text)) {
      offer({ text: match.text, category: match.category, source: match.kind, field });
    }
  }
  for (const name of registerCandidates(doc, registerNames)) {
    const compiled = compileEntities([name]);
    const where = texts.find((t) => containsEntity(t.text, compiled));
    if (where) offer({ ...name, source: 'register', field: where.field });
  }
  return out;
}

/** A category for an identifying field's value, from what the field is (by its id). */
function categoryOf(fieldId: string): RedactionCategory {
  if (/number/u.test(fieldId)) return 'other';
  if (/contact|phone|email/u.test(fieldId)) return 'contact';
  if (/unit/u.test(fieldId)) return 'unit';
  if (/place|residence|address|citizenship/u.test(fieldId)) return 'place';
  if (/name|pseudonym|_by$/u.test(fieldId)) return 'name';
  return 'other';
}

function* identifyingValues(doc: TestimonyJsonV2): Generator<RedactionSuggestion> {
  const fields = templateFields(doc);
  // A co-detainee linked to the people register is named there, not in the answer.
  const people = new Map((doc.registers.people ?? []).map((p) => [p.id, p.names.join('; ')]));
  for (const [sectionId, answers] of Object.entries(doc.sections)) {
    const defs = fields.get(sectionId);
    for (const [fieldId, answer] of Object.entries(answers)) {
      const info = defs?.get(fieldId);
      if (!info || answer.state !== 'answered') continue;
      const path = `${sectionId}.${fieldId}`;
      const value: unknown = answer.value;
      if (info.kind === 'group' && isItems(value)) {
        for (const item of value.items) {
          for (const [childId, child] of Object.entries(item.answers)) {
            const childInfo = info.fields?.get(childId);
            if (!childInfo || child.state !== 'answered') continue;
            const childPath = `${path}[${item.id.toLowerCase()}].${childId}`;
            yield* valueSuggestions(childPath, childId, childInfo, child.value, people);
          }
        }
      } else {
        yield* valueSuggestions(path, fieldId, info, value, people);
      }
    }
  }
}

function* valueSuggestions(
  path: string,
  fieldId: string,
  info: FieldInfo,
  value: unknown,
  people: ReadonlyMap<string, string>,
): Generator<RedactionSuggestion> {
  if (info.sensitivity !== 'identifying') return;
  if (info.kind === 'date' && typeof value === 'string' && /birth/u.test(fieldId)) {
    yield { text: value, category: 'other', source: 'birth_date', field: path };
    // The narrative writes dates by hand: offer that spelling too.
    const full = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
    if (full) {
      const handwritten = `${full[3]}.${full[2]}.${full[1]}`;
      yield { text: handwritten, category: 'other', source: 'birth_date', field: path };
    }
    return;
  }
  const refs = typeof value === 'object' && value !== null && 'refs' in value ? value.refs : null;
  if (Array.isArray(refs)) {
    // Several entries and maybe words for others: each on its own, as a single answer would be.
    for (const ref of refs) yield* valueSuggestions(path, fieldId, info, { ref }, people);
    const words = (value as { text?: unknown }).text;
    if (typeof words === 'string' && words.trim()) {
      yield* valueSuggestions(path, fieldId, info, { text: words }, people);
    }
    return;
  }
  const text =
    (info.kind === 'text' || info.kind === 'narrative') && typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'text' in value
        ? String((value as { text: unknown }).text)
        : typeof value === 'object' && value !== null && 'ref' in value
          ? people.get(String((value as { ref: unknown }).ref))
          : undefined;
  if (text === undefined) return;
  const linked = typeof value === 'object' && value !== null && 'ref' in value;
  const category = linked ? 'name' : categoryOf(fieldId);
  // "Ковальчук Марʼяна Іванівна; Маша": the whole value, each listed form, and for names each
  // word, since a narrative says "Марʼяна" far more often than the full name.
  const forms = text.split(/[,;\n]/u).map((f) => f.trim());
  yield { text, category, source: 'identifying_field', field: path };
  for (const form of forms) {
    yield { text: form, category, source: 'identifying_field', field: path };
    if (category !== 'name') continue;
    for (const word of form.split(/\s+/u)) {
      if ((word.match(/\p{L}/gu) ?? []).length >= 3) {
        yield { text: word, category, source: 'identifying_field', field: path };
      }
    }
  }
}

function isItems(value: unknown): value is {
  items: Array<{ id: string; answers: Record<string, { state: string; value?: unknown }> }>;
} {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { items?: unknown }).items)
  );
}

/** The free texts of a testimony, with their FieldPath where they have one. */
function* contentTexts(doc: TestimonyJsonV2): Generator<ContentText> {
  yield { text: doc.narrative.text, field: 'narrative' };
  const textOf = (value: unknown): string | undefined =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'text' in value
        ? String((value as { text: unknown }).text)
        : undefined;
  for (const [sectionId, answers] of Object.entries(doc.sections)) {
    for (const [fieldId, answer] of Object.entries(answers)) {
      if (answer.state !== 'answered') continue;
      const path = `${sectionId}.${fieldId}`;
      if (isItems(answer.value)) {
        for (const item of answer.value.items) {
          for (const [childId, child] of Object.entries(item.answers)) {
            const text = child.state === 'answered' ? textOf(child.value) : undefined;
            if (text) yield { text, field: `${path}[${item.id.toLowerCase()}].${childId}` };
          }
        }
        continue;
      }
      const text = textOf(answer.value);
      if (text) yield { text, field: path };
    }
  }
  for (const event of doc.events) {
    if (event.reason) yield { text: event.reason, field: `events[${event.seq}].reason` };
  }
  for (const attachment of doc.attachments) yield { text: attachment.fileName };
}

function* registerStrings(doc: TestimonyJsonV2): Generator<string> {
  for (const f of doc.registers.facilities) yield* [f.name, f.location, ...f.aliases];
  for (const p of doc.registers.perpetrators) {
    yield* [...p.names, ...p.callSigns, p.unit, p.description];
  }
  for (const p of doc.registers.people ?? []) yield* [...p.names, p.description];
}

function* registerCandidates(
  doc: TestimonyJsonV2,
  extra: readonly RegisterNameInput[],
): Generator<{ text: string; category: RedactionCategory }> {
  for (const p of doc.registers.perpetrators) {
    for (const text of [...p.names, ...p.callSigns]) yield { text, category: 'name' };
    if (p.unit.trim()) yield { text: p.unit, category: 'unit' };
  }
  for (const p of doc.registers.people ?? []) {
    for (const text of p.names) yield { text, category: 'name' };
  }
  for (const f of doc.registers.facilities) {
    for (const text of [f.name, ...f.aliases]) yield { text, category: 'place' };
  }
  for (const name of extra) {
    yield typeof name === 'string' ? { text: name, category: 'name' } : name;
  }
}
