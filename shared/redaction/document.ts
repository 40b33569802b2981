/**
 * Redaction of a whole testimony.json (svidok.testimony/2) through a profile. Pure: the input is
 * never touched, the output is a new document. What it does, in order:
 *   - answers: a field the profile removes by sensitivity, or a field redaction, becomes
 *     `{ state: 'redacted', category }`; text answers get span and entity redactions; a
 *     structured value (date, choice, yes/no, body map) an entity occurs in is removed whole,
 *     because half a code is no code;
 *   - the narrative and event reasons get span and entity redactions;
 *   - register entries get entity redactions and keep their ids; entries no remaining answer
 *     points at are dropped (a bundle carries only the entries its answers name);
 *   - attachments: excluded ones disappear, blackouts are returned for the caller to render,
 *     file names and bag paths get entity redactions.
 * Span redactions anchored to another revision than the current one are not applied and come
 * back in `stale`: the caller must refuse the export rather than redact the wrong letters.
 */
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../forms/answers';
import type { Sensitivity } from '../forms/template';
import { MAX_NARRATIVE_CHARS } from '../ipc';
import type { TestimonyJsonV2 } from '../testimony-json';
import { compileEntities, containsEntity, findEntityRanges } from './entities';
import type { CompiledEntity } from './entities';
import { canonicalFieldPath } from './field-path';
import type { BlackoutRegion, Redaction, RedactionCategory, SpanRedaction } from './model';
import { keepsEverything, SENSITIVITY_CATEGORY } from './profiles';
import type { RedactionProfile } from './profiles';
import type { TextRange } from './ranges';
import { templateFields, UNKNOWN_FIELD } from './template-fields';
import type { FieldInfo } from './template-fields';
import { fileNameToken, redactionToken, replaceRanges } from './text';
import { isGroupValue } from './group-value';
import type { ItemAnswer } from './group-value';
import { redactAttachments, redactRegisters } from './document-parts';

type BundledAnswer = TestimonyJsonV2['sections'][string][string];

export interface RedactOptions {
  /**
   * SHA-256 (lower-case hex) of a text's UTF-8 bytes, for the redacted narrative's `sha256`.
   * shared/ runs in the renderer too and has no crypto of its own, so the caller passes one
   * (main: node:crypto). The original's hash must not travel: it would let anyone confirm a
   * guessed name.
   */
  readonly sha256: (text: string) => string;
  /**
   * The current revision of each section, by section id (testimony.json carries none). A span
   * redaction in a section without an entry here cannot be checked and is stale.
   */
  readonly sectionRevisions?: Readonly<Record<string, number>>;
}

export type StaleReason =
  /** The text was edited after the span was marked. */
  | 'revision_changed'
  /** The section's current revision was not given (RedactOptions.sectionRevisions). */
  | 'revision_unknown'
  /** The field, group item or event is not in the document (or has no answer now). */
  | 'field_missing'
  /** The field holds no text (a code, a date, a register link). */
  | 'not_text'
  /** The offsets lie beyond the end of the text. */
  | 'out_of_range';

export interface StaleSpan {
  readonly redaction: SpanRedaction;
  readonly reason: StaleReason;
  /** The text's current revision, where known. */
  readonly currentRevision?: number;
}

export interface RedactionCounts {
  /** Span redactions applied. */
  spans: number;
  /** Whole answers removed (by field redaction, sensitivity or an entity in a code). */
  fields: number;
  /** Entity occurrences found (before merging). */
  entityHits: number;
  attachmentsExcluded: number;
  attachmentsBlackedOut: number;
  /** Register entries dropped because no remaining answer points at them. */
  registerEntriesDropped: number;
}

export interface RedactedDocument {
  readonly document: TestimonyJsonV2;
  readonly excludedAttachmentIds: readonly string[];
  /** The regions to black out per attachment id; the caller renders the working copies. */
  readonly blackouts: ReadonlyMap<string, readonly BlackoutRegion[]>;
  /** Span redactions not applied; a non-empty list means the export must be refused. */
  readonly stale: readonly StaleSpan[];
  readonly counts: Readonly<RedactionCounts>;
}

export function redactDocument(
  doc: TestimonyJsonV2,
  redactions: readonly Redaction[],
  profile: RedactionProfile,
  options: RedactOptions,
): RedactedDocument {
  const document = structuredClone(doc);
  const counts: RedactionCounts = {
    spans: 0,
    fields: 0,
    entityHits: 0,
    attachmentsExcluded: 0,
    attachmentsBlackedOut: 0,
    registerEntriesDropped: 0,
  };
  if (keepsEverything(profile)) {
    return { document, excludedAttachmentIds: [], blackouts: new Map(), stale: [], counts };
  }
  const active = redactions.filter((r) => profile.categories[r.category] === 'remove');
  const run = new Run(active, profile, counts);

  redactSections(run, document, options);
  redactNarrative(run, document, options);
  redactEvents(run, document);
  redactRegisters(run, document);
  const attachments = redactAttachments(run, document, active);

  return {
    document,
    excludedAttachmentIds: attachments.excluded,
    blackouts: attachments.blackouts,
    stale: run.staleSpans(active),
    counts,
  };
}

/** The state of one redaction run: the active redactions by target, and what has been used. */
export class Run {
  readonly entities: CompiledEntity[];
  private readonly spans = new Map<string, SpanRedaction[]>();
  private readonly fields = new Map<string, RedactionCategory>();
  private readonly used = new Set<SpanRedaction>();
  private readonly stale = new Map<SpanRedaction, StaleSpan>();

  constructor(
    active: readonly Redaction[],
    private readonly profile: RedactionProfile,
    readonly counts: RedactionCounts,
  ) {
    this.entities = compileEntities(active.filter((r) => r.kind === 'entity'));
    for (const r of active) {
      if (r.kind !== 'span' && r.kind !== 'field') continue;
      const path = canonicalFieldPath(r.field);
      if (path === undefined) continue;
      if (r.kind === 'field') {
        if (!this.fields.has(path)) this.fields.set(path, r.category);
      } else {
        this.spans.set(path, [...(this.spans.get(path) ?? []), r]);
      }
    }
  }

  /** A field redaction of exactly this path, if any. */
  fieldRemoval(path: string): RedactionCategory | undefined {
    return this.fields.get(path);
  }

  /** Why a whole answer goes, if it does: a field redaction first, then the profile. */
  removal(path: string, info: FieldInfo): RedactionCategory | undefined {
    const byRedaction = this.fields.get(path);
    if (byRedaction) return byRedaction;
    return this.removesSensitivity(info.sensitivity);
  }

  /**
   * A field the embedded template does not describe cannot be classified: it travels only under
   * a profile that keeps every sensitivity.
   */
  private removesSensitivity(sensitivity: Sensitivity | 'unknown'): RedactionCategory | undefined {
    if (sensitivity === 'unknown') {
      const removesAny = Object.values(this.profile.sensitivity).includes('remove');
      return removesAny ? 'other' : undefined;
    }
    return this.profile.sensitivity[sensitivity] === 'remove'
      ? SENSITIVITY_CATEGORY[sensitivity]
      : undefined;
  }

  /** Spans under a removed answer need no checking: the whole text is gone. */
  subsume(path: string): void {
    for (const [key, spans] of this.spans) {
      if (key === path || key.startsWith(`${path}[`)) spans.forEach((s) => this.used.add(s));
    }
  }

  /** Spans that point at a value with no text: they cannot be applied. */
  notText(path: string): void {
    for (const span of this.spans.get(path) ?? []) {
      this.used.add(span);
      this.stale.set(span, { redaction: span, reason: 'not_text' });
    }
  }

  /**
   * Span and entity redactions of one text. `revision` is the text's current revision (undefined:
   * not known). An output longer than `limit` is replaced by one token: the bundle schema bounds
   * these texts, and removing more is the safe way to fit.
   */
  text(path: string, text: string, revision: number | undefined, limit: number): string {
    const ranges: TextRange[] = [];
    for (const span of this.spans.get(path) ?? []) {
      this.used.add(span);
      if (revision === undefined) {
        this.stale.set(span, { redaction: span, reason: 'revision_unknown' });
      } else if (span.revision !== revision) {
        this.stale.set(span, {
          redaction: span,
          reason: 'revision_changed',
          currentRevision: revision,
        });
      } else if (span.end > text.length) {
        this.stale.set(span, {
          redaction: span,
          reason: 'out_of_range',
          currentRevision: revision,
        });
      } else {
        ranges.push({ start: span.start, end: span.end, category: span.category });
        this.counts.spans++;
      }
    }
    return this.plain(text, limit, ranges);
  }

  /** Entity redactions (and the given ranges) of a text no span can point at. */
  plain(text: string, limit: number, ranges: TextRange[] = [], fileName = false): string {
    const hits = findEntityRanges(text, this.entities);
    this.counts.entityHits += hits.length;
    const token = fileName ? fileNameToken : redactionToken;
    const out = replaceRanges(text, [...ranges, ...hits], { token });
    if (out.ranges.length === 0 || out.text.length <= limit) return out.text;
    const categories = new Set(out.ranges.flatMap((r) => r.categories));
    return token([...categories]);
  }

  /** The stale spans, and the spans whose target never turned up, in the caller's order. */
  staleSpans(active: readonly Redaction[]): StaleSpan[] {
    const stale: StaleSpan[] = [];
    for (const r of active) {
      if (r.kind !== 'span') continue;
      const found = this.stale.get(r);
      if (found) stale.push(found);
      else if (!this.used.has(r)) stale.push({ redaction: r, reason: 'field_missing' });
    }
    return stale;
  }
}

function redactSections(run: Run, document: TestimonyJsonV2, options: RedactOptions): void {
  const fields = templateFields(document);
  for (const [sectionId, answers] of Object.entries(document.sections)) {
    const defs = fields.get(sectionId);
    const revision = options.sectionRevisions?.[sectionId];
    for (const [fieldId, answer] of Object.entries(answers)) {
      const info = defs?.get(fieldId) ?? UNKNOWN_FIELD;
      const path = `${sectionId}.${fieldId}`;
      const removal = run.removal(path, info);
      if (removal) {
        answers[fieldId] = removed(run, path, removal);
        continue;
      }
      if (answer.state === 'answered' && isGroupValue(answer.value)) {
        for (const item of answer.value.items) {
          const itemPath = `${path}[${item.id.toLowerCase()}]`;
          for (const [childId, child] of Object.entries(item.answers)) {
            const childInfo = info.fields?.get(childId) ?? UNKNOWN_FIELD;
            const childPath = `${itemPath}.${childId}`;
            const childRemoval = run.removal(childPath, childInfo);
            item.answers[childId] = childRemoval
              ? removed(run, childPath, childRemoval)
              : (redactLeaf(run, childPath, childInfo, child, revision) as ItemAnswer);
          }
        }
        continue;
      }
      answers[fieldId] = redactLeaf(run, path, info, answer, revision);
    }
  }
}

function removed(run: Run, path: string, category: RedactionCategory) {
  run.subsume(path);
  run.counts.fields++;
  return { state: 'redacted' as const, category };
}

function redactLeaf<A extends BundledAnswer | ItemAnswer>(
  run: Run,
  path: string,
  info: FieldInfo,
  answer: A,
  revision: number | undefined,
): A | { state: 'redacted'; category: RedactionCategory } {
  if (answer.state !== 'answered') return answer;
  const value: unknown = answer.value;
  const isText = info.kind === 'text' || info.kind === 'narrative' || info.kind === 'unknown';
  if (typeof value === 'string' && isText) {
    const limit = info.kind === 'text' ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
    return { ...answer, value: run.text(path, value, revision, limit) };
  }
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const text = (value as { text: string }).text;
    // Spread: a multiple person's `refs` stay beside its redacted words.
    const redacted = run.text(path, text, revision, MAX_SHORT_TEXT);
    return { ...answer, value: { ...(value as object), text: redacted } };
  }
  // A code, a date, a list of codes or a register link: no offsets into it make sense, and an
  // entity found in it takes the whole value.
  run.notText(path);
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  for (const s of strings) {
    if (typeof s !== 'string') continue;
    const category = containsEntity(s, run.entities);
    if (category) {
      run.counts.entityHits++;
      return removed(run, path, category);
    }
  }
  return answer;
}

/** The narrative has no sensitivity of its own (it is not a template field): only a field
 * redaction removes it whole. */
function redactNarrative(run: Run, document: TestimonyJsonV2, options: RedactOptions): void {
  const narrative = document.narrative;
  const original = narrative.text;
  const removal = run.fieldRemoval('narrative');
  let text: string;
  if (removal) {
    run.subsume('narrative');
    run.counts.fields++;
    text = redactionToken([removal]);
  } else {
    text = run.text('narrative', original, narrative.revision, MAX_NARRATIVE_CHARS);
  }
  if (text !== original) {
    narrative.text = text;
    narrative.sha256 = options.sha256(text);
  }
}

function redactEvents(run: Run, document: TestimonyJsonV2): void {
  for (const event of document.events) {
    if (typeof event.reason !== 'string') continue;
    const path = `events[${event.seq}].reason`;
    const removal = run.fieldRemoval(path);
    if (removal) {
      run.subsume(path);
      run.counts.fields++;
      event.reason = redactionToken([removal]);
    } else {
      // Events are append-only: their text has one revision, 0.
      event.reason = run.text(path, event.reason, 0, Infinity);
    }
  }
}
