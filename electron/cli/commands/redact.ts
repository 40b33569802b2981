/**
 * `svidok redact …`: the redaction set of a testimony from a terminal, through the same service
 * and checks as the app (a span must point into the current text; every change is a custody
 * entry). Output is one item per line, tab-separated, for scripts.
 *
 *   redact suggest CODE        text, category, source[, field]
 *   redact list CODE           id, kind, category, what (entity text, field path, span, attachment)
 *   redact add --testimony CODE (--entity TEXT | --field PATH | --span FIELD:START:END
 *              | --attachment ID (--exclude | --region X,Y,W,H…)) --category C [--reason R]
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { REDACTION_CATEGORIES, redactionSchema } from '../../../shared/redaction';
import type { Redaction, RedactionCategory } from '../../../shared/redaction';
import { UsageError } from '../args';
import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

export async function redactSuggest(ctx: CommandContext): Promise<number> {
  const code = requireCode(ctx.args[0]);
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const id = api.services.testimonies.idByCode(code);
    for (const s of api.services.redactions.suggestions(id)) {
      ctx.io.out([oneLine(s.text), s.category, s.source, s.field ?? ''].join('\t').trimEnd());
    }
    return 0;
  });
}

export async function redactList(ctx: CommandContext): Promise<number> {
  const code = requireCode(ctx.args[0]);
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const id = api.services.testimonies.idByCode(code);
    for (const { redaction } of api.services.redactions.list(id)) {
      ctx.io.out(
        [redaction.id, redaction.kind, redaction.category, describe(redaction)].join('\t'),
      );
    }
    return 0;
  });
}

export async function redactAdd(ctx: CommandContext): Promise<number> {
  const code = requireCode(one(ctx, 'testimony'));
  const category = one(ctx, 'category');
  if (!REDACTION_CATEGORIES.includes(category as RedactionCategory)) {
    throw new UsageError(`--category must be one of ${REDACTION_CATEGORIES.join(', ')}`);
  }
  const reason = ctx.options.get('reason')?.at(-1);
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const testimonyId = api.services.testimonies.idByCode(code);
    const target = targetOf(
      ctx,
      () => api.services.redactions.state(testimonyId, 'full').revisions,
    );
    const parsed = redactionSchema.safeParse({
      id: randomUUID(),
      category,
      ...(reason === undefined ? {} : { reason }),
      ...target,
    });
    if (!parsed.success) {
      throw new AppError('BAD_INPUT', parsed.error.issues[0]?.message ?? 'not a redaction');
    }
    const stored = await api.services.redactions.add(testimonyId, parsed.data);
    ctx.io.out(stored.redaction.id);
    return 0;
  });
}

/** What the redaction points at, from exactly one of the target options. */
function targetOf(
  ctx: CommandContext,
  revisions: () => { narrative: number; sections: Record<string, number> },
): Record<string, unknown> {
  const given = ['entity', 'field', 'span', 'attachment'].filter((o) => ctx.options.has(o));
  if (given.length !== 1) {
    throw new UsageError('give one of --entity, --field, --span or --attachment');
  }
  const [kind] = given as ['entity' | 'field' | 'span' | 'attachment'];
  const value = one(ctx, kind);
  if (kind === 'entity') return { kind, text: value };
  if (kind === 'field') return { kind, field: value };
  if (kind === 'span') {
    const m = /^(.+):(\d+):(\d+)$/.exec(value);
    if (!m) throw new UsageError('--span must be FIELD:START:END');
    const field = m[1]!;
    // Anchored to the text as it is now: the interviewer read the offsets off this revision.
    const current = revisions();
    const section = /^([A-Z]{1,2})\./.exec(field)?.[1];
    const revision =
      field === 'narrative' ? current.narrative : section ? current.sections[section] : 0;
    return { kind, field, revision: revision ?? 0, start: Number(m[2]), end: Number(m[3]) };
  }
  const exclude = ctx.options.has('exclude');
  const regions = (ctx.options.get('region') ?? []).map(parseRegion);
  if (exclude === regions.length > 0) {
    throw new UsageError('--attachment needs either --exclude or --region X,Y,W,H');
  }
  return exclude
    ? { kind, attachmentId: value, action: 'exclude' }
    : { kind, attachmentId: value, action: 'blackout', regions };
}

function parseRegion(text: string): { x: number; y: number; w: number; h: number } {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new UsageError('--region must be X,Y,W,H in whole pixels');
  }
  const [x, y, w, h] = parts as [number, number, number, number];
  return { x, y, w, h };
}

function describe(r: Redaction): string {
  switch (r.kind) {
    case 'entity':
      return oneLine(r.text);
    case 'field':
      return r.field;
    case 'span':
      return `${r.field}:${r.start}:${r.end} (revision ${r.revision})`;
    case 'attachment':
      return r.action === 'exclude'
        ? `${r.attachmentId} exclude`
        : `${r.attachmentId} ${r.regions.map((g) => `${g.x},${g.y},${g.w},${g.h}`).join(' ')}`;
  }
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

function one(ctx: CommandContext, option: string): string {
  const value = ctx.options.get(option)?.at(-1);
  if (value === undefined) throw new UsageError(`--${option} is needed`);
  return value;
}

function requireCode(code: string | undefined): string {
  if (!code) throw new UsageError('give the testimony’s record code');
  return code;
}
