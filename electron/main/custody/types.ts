/**
 * The custody vocabulary. Services record an entry for every action on evidence, inside the
 * same transaction as the action itself, so an action and its entry commit or fail together.
 */
export const CUSTODY_ACTIONS = [
  'vault.created',
  'vault.unlocked',
  'vault.locked',
  'vault.passphrase_changed',
  'vault.recovery_used',
  'vault.audit_key_exported',
  'testimony.created',
  'testimony.revised',
  'testimony.viewed',
  /** A testimony.json brought in (CLI `testimony add --json`); bundles have 'bundle.imported'. */
  'testimony.imported',
  'attachment.added',
  'attachment.exported',
  'interview.section_saved',
  'interview.event',
  'register.changed',
  'recipient.added',
  'redaction.changed',
  'bundle.exported',
  'bundle.imported',
] as const;

export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export interface CustodySubject {
  readonly testimonyId?: string;
  readonly attachmentId?: string;
}

/** Hashes, sizes, counts and ids only: never testimony text, names or file contents. */
export type CustodyDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface CustodyRecorder {
  /** Appends one signed, chained entry on the vault database (joins an open transaction). */
  record(action: CustodyAction, subject?: CustodySubject, details?: CustodyDetails): void;
}
