/** Redaction sets, profiles and the preview (issue 6); the engine itself is shared/redaction. */
export { RedactionStore, MAX_REDACTIONS_PER_TESTIMONY } from './redaction-store';
export type { StoredRedaction, RedactionStoreDeps } from './redaction-store';
export { ProfileStore } from './profile-store';
export type { ProfileInput, ProfileStoreDeps } from './profile-store';
export { RedactionService } from './redaction-service';
export type { RedactionServiceDeps, RedactionState } from './redaction-service';
export { checkAnchor, textAt } from './anchors';
export type { AnchorContext } from './anchors';
