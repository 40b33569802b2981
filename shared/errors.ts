/**
 * Error codes that may cross the process boundary. The renderer translates a code into the
 * interviewer's language; the message is for logs and the CLI and never carries testimony data.
 */
export const BOUNDARY_ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_CHANNEL',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN_SENDER',
  'INTERNAL',
] as const;

export const DOMAIN_ERROR_CODES = [
  'VAULT_EXISTS',
  'VAULT_MISSING',
  'VAULT_LOCKED',
  'VAULT_CORRUPT',
  'VAULT_FROM_FUTURE',
  'KDF_TOO_WEAK',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'DUPLICATE_RECORD_CODE',
  'NOT_FOUND',
  'CONFLICT',
  'DISK_FULL',
  'ATTACHMENT_MISSING',
  'ATTACHMENT_CORRUPT',
  'ATTACHMENT_TOO_LARGE',
  'FILE_UNREADABLE',
  'FILE_EXISTS',
  'WRONG_RECOVERY_KEY',
  'RECOVERY_KEY_INVALID',
  'VAULT_DESTROYED',
  'DESTROY_NOT_CONFIRMED',
  'CONSENT_REQUIRED',
  'SECTION_LOCKED',
  'INVALID_ANSWER',
  'INTERVIEW_STATE',
  'WITHDRAWAL_PERMANENT',
  'RECIPIENT_KEY_INVALID',
  'DUPLICATE_RECIPIENT',
  'RECIPIENTS_MIXED',
  'IDENTITY_INVALID',
  'WRONG_IDENTITY',
  'BUNDLE_UNREADABLE',
  'BUNDLE_ENTRY_REFUSED',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_SIZE_MISMATCH',
  'EXPORT_CANCELLED',
  'DEVICE_KEY_INVALID',
  'IMAGE_UNSUPPORTED',
  'IMAGE_DAMAGED',
  'IMAGE_TOO_LARGE',
  'REDACTION_STALE',
  'PROFILE_NOT_ALLOWED',
] as const;

export type BoundaryErrorCode = (typeof BOUNDARY_ERROR_CODES)[number];
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
export type ErrorCode = BoundaryErrorCode | DomainErrorCode;

export const ALL_ERROR_CODES: readonly ErrorCode[] = [
  ...BOUNDARY_ERROR_CODES,
  ...DOMAIN_ERROR_CODES,
];

/** A failure the user can be told about. Services throw it; the boundary turns it into a result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/**
 * What INVALID_ANSWER names: an answer at fault by its path in the section (`field`, or
 * `group.<item id>.field` inside a repeatable group) and why — never its value, which is testimony.
 * Main writes the message with invalidAnswerMessage; the renderer reads the paths back with
 * answerFaultsOf to mark each field.
 */
export interface AnswerFault {
  readonly path: string;
  readonly problem: string;
}

export const MAX_NAMED_FAULTS = 5;

export function invalidAnswerMessage(sectionId: string, faults: readonly AnswerFault[]): string {
  const named = faults
    .slice(0, MAX_NAMED_FAULTS)
    .map((f) => `${f.path} (${f.problem})`)
    .join(', ');
  const more =
    faults.length > MAX_NAMED_FAULTS ? ` and ${faults.length - MAX_NAMED_FAULTS} more` : '';
  return `Section ${sectionId}: ${named}${more}`;
}

const FAULT = /([a-z][a-z0-9_]*(?:\.[0-9a-f-]{36}(?:\.[a-z][a-z0-9_]*)?)?) \(([a-z_]+)\)/g;

/** The faults an INVALID_ANSWER message names (none for one that names no path). */
export function answerFaultsOf(message: string): AnswerFault[] {
  const colon = message.indexOf(': ');
  if (!message.startsWith('Section ') || colon < 0) return [];
  return [...message.slice(colon + 2).matchAll(FAULT)].map((m) => ({
    path: m[1] as string,
    problem: m[2] as string,
  }));
}
