import { linkFieldPath } from '../../../shared/forms/registers';
import type { Template } from '../../../shared/forms/template';

/**
 * Where in a testimony the mention is, read with the template the testimony pinned (an old
 * testimony keeps its own labels): `F.places.<item>.facility` reads "F · Places of detention ·
 * Facility". Unknown parts are left out rather than shown as ids.
 */
export function describePath(
  template: Template | undefined,
  path: string,
  lt: (text: { uk: string; en: string } | undefined) => string,
): string {
  // `#<n>` tells one entry of a field of several from the next: the field is the same.
  const [sectionId, fieldId, ...rest] = linkFieldPath(path).split('.');
  const section = template?.sections.find((s) => s.id === sectionId);
  if (!section) return path;
  const field = section.fields.find((f) => f.id === fieldId);
  const parts = [`${section.id}. ${lt(section.title)}`];
  if (field) parts.push(lt(field.label));
  const childId = rest.at(-1);
  if (field?.kind === 'group' && childId) {
    const child = field.fields.find((f) => f.id === childId);
    if (child) parts.push(lt(child.label));
  }
  return parts.join(' · ');
}
