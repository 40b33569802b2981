import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import {
  MAX_TESTIMONY_JSON_BYTES,
  TESTIMONY_SCHEMA,
  testimonyJsonSchema,
} from '../../../shared/testimony-json';
import type { TestimonyJson } from '../../../shared/testimony-json';
import { sha256Hex } from '../../main/custody';
import { importTestimony } from '../../main/imports';
import type { ImportSource } from '../../main/imports';
import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';
import { UsageError } from '../args';

/**
 * `testimony add --json FILE`: the same schema bundles carry. Section B (consent) is recorded
 * first, then the other sections and the narrative, in one transaction: a file without consent,
 * or with any answer refused, leaves nothing in the vault.
 */
export async function testimonyAdd(ctx: CommandContext): Promise<number> {
  const file = ctx.options.get('json')?.at(-1);
  if (!file) throw new UsageError('testimony add needs --json FILE');
  const { data, source } = readTestimonyJson(file);
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const { testimonies, interviews, custody } = api.services;
    const created = importTestimony(
      { db: () => api.vault.database(), testimonies, interviews, custody },
      data,
      source,
    );
    ctx.io.out(`${created.recordCode}\t${created.id}`);
    return 0;
  });
}

export async function testimonyList(ctx: CommandContext): Promise<number> {
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call }) => {
    const { items } = await call('testimony:list', {});
    for (const t of items) ctx.io.out(`${t.recordCode}\t${t.id}\t${t.createdAt}\t${t.updatedAt}`);
    return 0;
  });
}

/** `testimony show CODE`: prints the testimony as testimony.json (a view: custody records it). */
export async function testimonyShow(ctx: CommandContext): Promise<number> {
  const code = ctx.args[0];
  if (!code) throw new UsageError('testimony show needs a record code');
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api, call }) => {
    const id = api.services.testimonies.idByCode(code);
    const t = await call('testimony:get', { id });
    const interview = await call('interview:get', { testimonyId: id });
    // Only sections that were saved: an unsaved one is "not asked yet", not an empty answer.
    const sections = Object.fromEntries(
      Object.entries(interview.sections)
        .filter(([, section]) => section.revision > 0)
        .map(([sectionId, section]) => [sectionId, section.answers]),
    );
    const json: TestimonyJson = {
      schema: TESTIMONY_SCHEMA,
      id: t.id,
      recordCode: t.recordCode,
      narrative: t.narrative,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      revision: t.revision,
      template: { id: interview.templateId, version: interview.templateVersion },
      sections,
    };
    ctx.io.out(JSON.stringify(json, null, 2));
    return 0;
  });
}

/** The parsed file and, for custody, the SHA-256 and size of the very bytes parsed. */
function readTestimonyJson(path: string): { data: TestimonyJson; source: ImportSource } {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_TESTIMONY_JSON_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'The testimony file is too large');
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_INPUT', 'The testimony file cannot be read');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('BAD_INPUT', 'The testimony file is not valid JSON');
  }
  const result = testimonyJsonSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues
      .slice(0, 3)
      .map((i) => i.path.join('.') || '(root)')
      .join(', ');
    throw new AppError(
      'BAD_INPUT',
      `The testimony file does not match ${TESTIMONY_SCHEMA}: ${where}`,
    );
  }
  return { data: result.data, source: { sha256: sha256Hex(bytes), bytes: bytes.length } };
}
