/**
 * The vault's recipients: whom bundles may be sealed to. Each is an age X25519 key with a name,
 * an organisation and a recipient class (which consent scope an export to it needs, issue 6).
 * Adding one is a custody entry carrying the key's fingerprint, never the name.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import type { RecipientClass } from '../../../shared/forms/consent';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import type { Db } from '../vault';
import { parseAgeRecipient, recipientFingerprint } from './age-key';

export interface RecipientStoreDeps {
  readonly db: () => Db;
  readonly custody: CustodyRecorder;
  readonly now?: () => Date;
}

export interface RecipientInput {
  readonly name: string;
  readonly organisation: string;
  readonly publicKey: string;
  readonly recipientClass: RecipientClass;
}

export interface Recipient extends RecipientInput {
  readonly id: string;
  readonly fingerprint: string;
  readonly createdAt: string;
}

interface RecipientRow {
  id: string;
  name: string;
  organisation: string;
  public_key: string;
  recipient_class: RecipientClass;
  created_at: string;
}

const CLASSES = new Set<string>(RECIPIENT_CLASSES);

export class RecipientStore {
  private readonly now: () => Date;

  constructor(private readonly deps: RecipientStoreDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  list(): Recipient[] {
    const rows = this.deps
      .db()
      .prepare(
        `SELECT id, name, organisation, public_key, recipient_class, created_at
           FROM recipient ORDER BY created_at, rowid`,
      )
      .all() as RecipientRow[];
    return rows.map(toRecipient);
  }

  /** The recipient with this exact key, or null. */
  byPublicKey(publicKey: string): Recipient | null {
    const row = this.deps
      .db()
      .prepare(
        `SELECT id, name, organisation, public_key, recipient_class, created_at
           FROM recipient WHERE public_key = ?`,
      )
      .get(publicKey) as RecipientRow | undefined;
    return row ? toRecipient(row) : null;
  }

  add(input: RecipientInput): Recipient {
    const publicKey = parseAgeRecipient(input.publicKey);
    // The IPC schema checks the class too; the CLI and other callers come through here as well.
    if (!CLASSES.has(input.recipientClass)) {
      throw new AppError('BAD_INPUT', 'Unknown recipient class');
    }
    const recipient: Recipient = {
      id: randomUUID(),
      name: input.name.trim(),
      organisation: input.organisation.trim(),
      publicKey,
      recipientClass: input.recipientClass,
      fingerprint: recipientFingerprint(publicKey),
      createdAt: this.now().toISOString(),
    };
    if (recipient.name === '' || recipient.organisation === '') {
      throw new AppError('BAD_INPUT', 'A recipient needs a name and an organisation');
    }
    const db = this.deps.db();
    const save = db.transaction(() => {
      if (db.prepare('SELECT 1 FROM recipient WHERE public_key = ?').get(publicKey)) {
        throw new AppError('DUPLICATE_RECIPIENT', 'A recipient with this public key exists');
      }
      db.prepare(
        `INSERT INTO recipient (id, name, organisation, public_key, recipient_class, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        recipient.id,
        recipient.name,
        recipient.organisation,
        recipient.publicKey,
        recipient.recipientClass,
        recipient.createdAt,
      );
      this.deps.custody.record(
        'recipient.added',
        {},
        {
          recipientId: recipient.id,
          recipientClass: recipient.recipientClass,
          fingerprint: recipient.fingerprint,
        },
      );
    });
    try {
      save();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toStorageError(error);
    }
    return recipient;
  }
}

function toRecipient(row: RecipientRow): Recipient {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    publicKey: row.public_key,
    recipientClass: row.recipient_class,
    fingerprint: recipientFingerprint(row.public_key),
    createdAt: row.created_at,
  };
}
