/**
 * Redaction as the interviewer works with it: the set of one testimony, checked against its
 * current text when added; the preview of the original and the redacted output side by side,
 * through a profile; the suggestions; and the plan an export follows. The redacted output is
 * exactly what an export writes (shared/redaction's engine on the same testimony.json).
 */
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { parseFieldPath, redactDocument, suggestRedactions } from '../../../shared/redaction';
import type {
  Redaction,
  RedactedDocument,
  RedactionProfile,
  RedactionSuggestion,
} from '../../../shared/redaction';
import type { Facility, Person, Perpetrator } from '../../../shared/forms/registers';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import { sha256Hex } from '../exports';
import { blackoutImage, MAX_INPUT_BYTES, previewImage } from '../image-redaction';
import type { ImagePreview } from '../image-redaction';
import { checkAnchor, textAt } from './anchors';
import type { AnchorContext } from './anchors';
import type { ProfileInput, ProfileStore } from './profile-store';
import type { RedactionStore, StoredRedaction } from './redaction-store';

export interface RedactionServiceDeps {
  readonly store: RedactionStore;
  readonly profiles: ProfileStore;
  /** The testimony.json a bundle would carry now (exports/current-document.ts). */
  readonly current: (testimonyId: string) => AnchorContext;
  readonly registers: () => {
    facilities: readonly Facility[];
    perpetrators: readonly Perpetrator[];
    people?: readonly Person[];
  };
  /** Earlier revisions, to tell a span whose text did not change from one whose text did. */
  readonly history: {
    narrativeAt(testimonyId: string, seq: number): string | undefined;
    sectionAt(testimonyId: string, sectionId: string, seq: number): SectionAnswers | undefined;
  };
  /** Attachments of the vault: which testimony each belongs to, and their original bytes. */
  readonly attachments: {
    list(testimonyId: string): ReadonlyArray<{ id: string; size: number }>;
    open(id: string): Promise<Readable>;
  };
}

export interface RedactionState {
  readonly redactions: StoredRedaction[];
  readonly profile: RedactionProfile;
  readonly original: TestimonyJsonV2;
  readonly redacted: TestimonyJsonV2;
  readonly stale: RedactedDocument['stale'];
  readonly counts: RedactedDocument['counts'];
  readonly excludedAttachmentIds: string[];
  readonly revisions: { narrative: number; sections: Record<string, number> };
}

export class RedactionService {
  constructor(private readonly deps: RedactionServiceDeps) {}

  list(testimonyId: string): StoredRedaction[] {
    return this.deps.store.list(testimonyId);
  }

  profiles(): RedactionProfile[] {
    return this.deps.profiles.list();
  }

  profile(idOrName: string): RedactionProfile {
    return this.deps.profiles.find(idOrName);
  }

  addProfile(input: ProfileInput): RedactionProfile {
    return this.deps.profiles.add(input);
  }

  /** Stores a redaction after checking it against the testimony now; an image region is rendered once first, so a file that cannot be redacted is refused here, not at export. */
  async add(testimonyId: string, redaction: Redaction): Promise<StoredRedaction> {
    if (redaction.kind === 'attachment' && redaction.action === 'blackout') {
      const bytes = await this.attachmentBytes(testimonyId, redaction.attachmentId);
      try {
        await blackoutImage(bytes, redaction.regions);
      } finally {
        bytes.fill(0);
      }
    }
    return this.deps.store.add(testimonyId, redaction, () =>
      checkAnchor(redaction, this.deps.current(testimonyId)),
    );
  }

  remove(testimonyId: string, redactionId: string): void {
    this.deps.store.remove(testimonyId, redactionId);
  }

  state(testimonyId: string, profileId: string): RedactionState {
    const ctx = this.deps.current(testimonyId);
    const profile = this.deps.profiles.find(profileId);
    const redactions = this.deps.store.list(testimonyId);
    // Exactly what an export through this profile writes: under Full, the original.
    const result = this.apply(ctx, redactions, profile);
    return {
      redactions,
      profile,
      original: ctx.document,
      redacted: result.document,
      stale: result.stale,
      counts: result.counts,
      excludedAttachmentIds: [...result.excludedAttachmentIds],
      revisions: { narrative: ctx.document.narrative.revision, sections: ctx.sectionRevisions },
    };
  }

  suggestions(testimonyId: string): RedactionSuggestion[] {
    const { document } = this.deps.current(testimonyId);
    // Every entry of the vault's registers, linked or not: a name typed into the narrative
    // without a link is still a name.
    const { facilities, perpetrators, people = [] } = this.deps.registers();
    const names = [
      ...perpetrators.flatMap((p) =>
        [...p.names, ...p.callSigns].map((text) => ({ text, category: 'name' as const })),
      ),
      ...people.flatMap((p) => p.names.map((text) => ({ text, category: 'name' as const }))),
      ...facilities.flatMap((f) =>
        [f.name, ...f.aliases].map((text) => ({ text, category: 'place' as const })),
      ),
    ];
    return suggestRedactions(document, names);
  }

  /**
   * What an export of this testimony through `profile` carries. A span marked on an older text
   * is never applied to the new one: the export is refused until it is marked again.
   */
  plan(ctx: AnchorContext, profile: RedactionProfile): RedactedDocument {
    const result = this.apply(ctx, this.deps.store.list(ctx.document.id), profile);
    if (result.stale.length > 0) {
      throw new AppError(
        'REDACTION_STALE',
        `${result.stale.length} marked passage(s) point at text that has changed since; mark them again`,
      );
    }
    return result;
  }

  async imagePreview(testimonyId: string, attachmentId: string): Promise<ImagePreview> {
    const bytes = await this.attachmentBytes(testimonyId, attachmentId);
    try {
      return await previewImage(bytes);
    } finally {
      bytes.fill(0);
    }
  }

  /** An attachment's original bytes in memory (images only are read whole, and only up to the image limit). */
  async attachmentBytes(testimonyId: string, attachmentId: string): Promise<Buffer> {
    const found = this.deps.attachments.list(testimonyId).find((a) => a.id === attachmentId);
    if (!found) throw new AppError('NOT_FOUND', 'No such attachment in this testimony');
    if (found.size > MAX_INPUT_BYTES) {
      throw new AppError('IMAGE_TOO_LARGE', 'The attachment is too large to redact as an image');
    }
    return readWhole(await this.deps.attachments.open(attachmentId), found.size);
  }

  private reanchored(ctx: AnchorContext, redaction: Redaction): Redaction {
    return carryForward(redaction, ctx, this.deps.history);
  }

  private apply(
    ctx: AnchorContext,
    stored: readonly StoredRedaction[],
    profile: RedactionProfile,
  ): RedactedDocument {
    return redactDocument(
      ctx.document,
      stored.map((s) => this.reanchored(ctx, s.redaction)),
      profile,
      { sha256: sha256Hex, sectionRevisions: ctx.sectionRevisions },
    );
  }
}

/**
 * A span marked on an earlier revision still points at the same letters when nothing before its
 * end has changed: another answer of the section was saved (a section is saved whole), or text
 * was added after it. Then it is carried to the current revision; any other change leaves it
 * stale, to be marked again. The stored row keeps its anchor; this is decided at every use.
 */
function carryForward(
  redaction: Redaction,
  ctx: AnchorContext,
  history: RedactionServiceDeps['history'],
): Redaction {
  if (redaction.kind !== 'span') return redaction;
  const current = textAt(redaction.field, ctx);
  if (!current || current.revision === redaction.revision) return redaction;
  const path = parseFieldPath(redaction.field);
  if (!path || path.kind === 'event') return redaction;
  const id = ctx.document.id;
  let earlier: string | undefined;
  if (path.kind === 'narrative') {
    earlier = history.narrativeAt(id, redaction.revision);
  } else {
    const answers = history.sectionAt(id, path.sectionId, redaction.revision);
    const sections = answers ? { [path.sectionId]: answers } : {};
    earlier = textAt(redaction.field, {
      ...ctx,
      document: { ...ctx.document, sections } as TestimonyJsonV2,
      sectionRevisions: { [path.sectionId]: redaction.revision },
    })?.text;
  }
  // The same letters before and under the span: text added after it moves nothing.
  const end = redaction.end;
  const same = earlier !== undefined && earlier.slice(0, end) === current.text.slice(0, end);
  return same && current.text.length >= end
    ? { ...redaction, revision: current.revision }
    : redaction;
}

async function readWhole(stream: Readable, size: number): Promise<Buffer> {
  const out = Buffer.alloc(size);
  let filled = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (filled + chunk.length > size)
        throw new AppError('ATTACHMENT_CORRUPT', 'The attachment is longer than recorded');
      chunk.copy(out, filled);
      filled += chunk.length;
    }
  } catch (error) {
    out.fill(0);
    throw error;
  } finally {
    stream.destroy();
  }
  return out;
}
