/**
 * Redaction (issue 6), the pure engine: what a redaction is, how profiles decide which apply,
 * how a text and a whole testimony.json are redacted, and what is worth suggesting. No storage,
 * no I/O, no crypto: it runs in main and in the renderer (the preview) alike.
 */
export {
  REDACTION_CATEGORIES,
  MAX_REASON_CHARS,
  MAX_ENTITY_CHARS,
  MAX_BLACKOUT_REGIONS,
  fieldPathSchema,
  spanRedactionSchema,
  fieldRedactionSchema,
  entityRedactionSchema,
  attachmentRedactionSchema,
  regionSchema,
  redactionSchema,
  redactedAnswerSchema,
} from './model';
export type {
  RedactionCategory,
  SpanRedaction,
  FieldRedaction,
  EntityRedaction,
  AttachmentRedaction,
  BlackoutRegion,
  Redaction,
  RedactedAnswer,
} from './model';
export { parseFieldPath, formatFieldPath, isFieldPath, canonicalFieldPath } from './field-path';
export type { FieldPath } from './field-path';
export {
  redactionProfileSchema,
  FULL_PROFILE,
  REDACTED_PROFILE,
  BUILTIN_PROFILES,
  findBuiltinProfile,
  keepsEverything,
  SENSITIVITY_CATEGORY,
} from './profiles';
export type { RedactionProfile } from './profiles';
export { foldForMatch, matchKey } from './fold';
export { findEntityRanges, compileEntities } from './entities';
export type { EntityInput, CompiledEntity } from './entities';
export { mergeRanges } from './ranges';
export type { TextRange, MergedRange } from './ranges';
export { redactText, redactionToken, fileNameToken } from './text';
export type { RedactedText, RedactedRange, RedactTextOptions } from './text';
export { redactDocument } from './document';
export type {
  RedactOptions,
  RedactedDocument,
  RedactionCounts,
  StaleSpan,
  StaleReason,
} from './document';
export { findPatterns } from './patterns';
export type { PatternKind, PatternMatch } from './patterns';
export { suggestRedactions } from './suggestions';
export type { RedactionSuggestion, RegisterNameInput, SuggestionSource } from './suggestions';
