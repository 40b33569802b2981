/**
 * The field definitions a testimony.json embeds (templateDefinition), read defensively: the
 * bundle schema checks the template's shape only loosely, and redaction must not trust what it
 * cannot check. A field whose kind or sensitivity cannot be read is "unknown".
 */
import { FIELD_KINDS, SENSITIVITIES } from '../forms/template';
import type { FieldKind, Sensitivity } from '../forms/template';
import type { TestimonyJsonV2 } from '../testimony-json';

export interface FieldInfo {
  readonly kind: FieldKind | 'unknown';
  readonly sensitivity: Sensitivity | 'unknown';
  /** A group's own fields, by id. */
  readonly fields?: ReadonlyMap<string, FieldInfo>;
}

export type TemplateFields = ReadonlyMap<string, ReadonlyMap<string, FieldInfo>>;

const SENSITIVITY_SET = new Set<string>(SENSITIVITIES);
const KINDS = new Set<string>(FIELD_KINDS);

function fieldInfo(raw: unknown): [string, FieldInfo] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const field = raw as { id?: unknown; kind?: unknown; sensitivity?: unknown; fields?: unknown };
  if (typeof field.id !== 'string') return undefined;
  const kind = typeof field.kind === 'string' && KINDS.has(field.kind) ? field.kind : 'unknown';
  const sensitivity =
    typeof field.sensitivity === 'string' && SENSITIVITY_SET.has(field.sensitivity)
      ? (field.sensitivity as Sensitivity)
      : 'unknown';
  if (kind === 'group') {
    return [field.id, { kind, sensitivity, fields: fieldMap(field.fields) }];
  }
  return [field.id, { kind: kind as FieldInfo['kind'], sensitivity }];
}

function fieldMap(raw: unknown): Map<string, FieldInfo> {
  const map = new Map<string, FieldInfo>();
  if (!Array.isArray(raw)) return map;
  for (const entry of raw) {
    const info = fieldInfo(entry);
    if (info) map.set(info[0], info[1]);
  }
  return map;
}

export function templateFields(doc: TestimonyJsonV2): TemplateFields {
  const sections = new Map<string, ReadonlyMap<string, FieldInfo>>();
  for (const section of doc.templateDefinition.sections) {
    sections.set(section.id, fieldMap((section as { fields?: unknown }).fields));
  }
  return sections;
}

export const UNKNOWN_FIELD: FieldInfo = { kind: 'unknown', sensitivity: 'unknown' };
