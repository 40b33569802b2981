/**
 * Where a span or field redaction points, as a string that is stable across edits:
 *   narrative                          the testimony's main text
 *   <sectionId>.<fieldId>              a top-level answer, e.g. `C.name_uk`
 *   <sectionId>.<groupId>[<itemId>].<fieldId>
 *                                      an answer inside a group item, e.g. `E.places[<uuid>].name`;
 *                                      the item's uuid, not its position, so reordering the items
 *                                      does not move a redaction onto someone else's answer
 *   events[<seq>].reason               the free-text reason of an interview event (skip, stop);
 *                                      events are append-only, so their text never changes
 */
export type FieldPath =
  | { readonly kind: 'narrative' }
  | { readonly kind: 'field'; readonly sectionId: string; readonly fieldId: string }
  | {
      readonly kind: 'item';
      readonly sectionId: string;
      readonly groupId: string;
      readonly itemId: string;
      readonly fieldId: string;
    }
  | { readonly kind: 'event'; readonly seq: number };

// The same shapes as shared/ipc.ts (section ids) and shared/forms/answers.ts (field ids).
const SECTION = '[A-Z]{1,2}';
const FIELD = '[a-z][a-z0-9_]{0,63}';
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const FIELD_RE = new RegExp(`^(${SECTION})\\.(${FIELD})$`);
const ITEM_RE = new RegExp(`^(${SECTION})\\.(${FIELD})\\[(${UUID})\\]\\.(${FIELD})$`);
const EVENT_RE = /^events\[([1-9][0-9]{0,9})\]\.reason$/;

export function parseFieldPath(path: string): FieldPath | undefined {
  if (path === 'narrative') return { kind: 'narrative' };
  let m = FIELD_RE.exec(path);
  if (m) return { kind: 'field', sectionId: m[1]!, fieldId: m[2]! };
  m = ITEM_RE.exec(path);
  if (m) {
    return {
      kind: 'item',
      sectionId: m[1]!,
      groupId: m[2]!,
      // Lower case, so one item has one spelling and paths compare as strings.
      itemId: m[3]!.toLowerCase(),
      fieldId: m[4]!,
    };
  }
  m = EVENT_RE.exec(path);
  if (m) return { kind: 'event', seq: Number(m[1]) };
  return undefined;
}

export function formatFieldPath(path: FieldPath): string {
  switch (path.kind) {
    case 'narrative':
      return 'narrative';
    case 'field':
      return `${path.sectionId}.${path.fieldId}`;
    case 'item':
      return `${path.sectionId}.${path.groupId}[${path.itemId.toLowerCase()}].${path.fieldId}`;
    case 'event':
      return `events[${path.seq}].reason`;
  }
}

export function isFieldPath(path: string): boolean {
  return parseFieldPath(path) !== undefined;
}

/** The one spelling of a path (item ids in lower case), for use as a map key. */
export function canonicalFieldPath(path: string): string | undefined {
  const parsed = parseFieldPath(path);
  return parsed ? formatFieldPath(parsed) : undefined;
}
