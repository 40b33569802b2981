/**
 * Checks a redaction against the testimony as it is now, before it is stored: a span must point
 * into the current text of a text field, a field redaction at a field the template has, an
 * attachment redaction at one of this testimony's attachments.
 */
import { AppError } from '../../../shared/errors';
import { parseFieldPath } from '../../../shared/redaction';
import type { Redaction } from '../../../shared/redaction';
import type { Template } from '../../../shared/forms/template';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';

export interface AnchorContext {
  readonly document: TestimonyJsonV2;
  readonly sectionRevisions: Readonly<Record<string, number>>;
  readonly template: Template;
}

const bad = (message: string) => new AppError('BAD_INPUT', message);

export function checkAnchor(redaction: Redaction, ctx: AnchorContext): void {
  switch (redaction.kind) {
    case 'entity':
      return;
    case 'attachment':
      if (!ctx.document.attachments.some((a) => a.id === redaction.attachmentId)) {
        throw new AppError('NOT_FOUND', 'No such attachment in this testimony');
      }
      return;
    case 'field':
      if (!fieldExists(redaction.field, ctx)) throw bad('No such field in this testimony');
      return;
    case 'span': {
      const target = textAt(redaction.field, ctx);
      if (target === undefined) throw bad('The span does not point into a text answer');
      if (target.revision !== redaction.revision) {
        throw new AppError('CONFLICT', 'The text changed since the span was marked; mark it again');
      }
      if (redaction.end > target.text.length) throw bad('The span runs past the end of the text');
      return;
    }
  }
}

/** The text at a path and the revision it belongs to, or undefined when there is none. */
export function textAt(
  path: string,
  ctx: AnchorContext,
): { text: string; revision: number } | undefined {
  const parsed = parseFieldPath(path);
  if (!parsed) return undefined;
  const { document } = ctx;
  if (parsed.kind === 'narrative') {
    return { text: document.narrative.text, revision: document.narrative.revision };
  }
  if (parsed.kind === 'event') {
    const reason = document.events.find((e) => e.seq === parsed.seq)?.reason;
    return typeof reason === 'string' ? { text: reason, revision: 0 } : undefined;
  }
  const revision = ctx.sectionRevisions[parsed.sectionId];
  const answers = document.sections[parsed.sectionId];
  if (revision === undefined || !answers) return undefined;
  let answer: unknown = answers[parsed.kind === 'item' ? parsed.groupId : parsed.fieldId];
  if (parsed.kind === 'item') {
    const items = (answer as { value?: { items?: unknown } } | undefined)?.value?.items;
    const item = Array.isArray(items)
      ? (items as Array<{ id: string; answers: Record<string, unknown> }>).find(
          (i) => i.id.toLowerCase() === parsed.itemId,
        )
      : undefined;
    answer = item?.answers[parsed.fieldId];
  }
  const value = (answer as { state?: string; value?: unknown } | undefined)?.value;
  if ((answer as { state?: string } | undefined)?.state !== 'answered') return undefined;
  // Only words: a date, a code or a yes/no is a string too, but half of one means nothing.
  const kind = leafKind(ctx.template, parsed);
  if (kind === 'text' || kind === 'narrative') {
    return typeof value === 'string' ? { text: value, revision } : undefined;
  }
  if (kind !== 'place' && kind !== 'person') return undefined;
  const text = (value as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? { text, revision } : undefined;
}

function leafKind(
  template: Template,
  path: Extract<ReturnType<typeof parseFieldPath>, { sectionId: string }>,
): string | undefined {
  const section = template.sections.find((s) => s.id === path.sectionId);
  if (path.kind === 'field') return section?.fields.find((f) => f.id === path.fieldId)?.kind;
  const group = section?.fields.find((f) => f.id === path.groupId);
  return group?.kind === 'group'
    ? group.fields.find((f) => f.id === path.fieldId)?.kind
    : undefined;
}

function fieldExists(path: string, ctx: AnchorContext): boolean {
  const parsed = parseFieldPath(path);
  if (!parsed) return false;
  if (parsed.kind === 'narrative') return true;
  if (parsed.kind === 'event') return ctx.document.events.some((e) => e.seq === parsed.seq);
  const section = ctx.template.sections.find((s) => s.id === parsed.sectionId);
  if (parsed.kind === 'field') return section?.fields.some((f) => f.id === parsed.fieldId) ?? false;
  const group = section?.fields.find((f) => f.id === parsed.groupId);
  return group?.kind === 'group' && group.fields.some((f) => f.id === parsed.fieldId);
}
