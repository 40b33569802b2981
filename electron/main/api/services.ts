/**
 * Builds the services of one vault folder and wires them together: custody records what the
 * others do, and the vault's lock closes the log with a last entry before the keys are wiped.
 */
import { dirname, join } from 'node:path';
import { AttachmentStore } from '../attachments';
import { CustodyLog } from '../custody';
import { currentDocument, ExportJobs, ExportService } from '../exports';
import { ConsentGate, InterviewStore } from '../interviews';
import type { Logger } from '../log';
import { PreferencesStore } from '../preferences';
import { RecipientStore } from '../recipients';
import { ProfileStore, RedactionService, RedactionStore } from '../redaction';
import { getTemplate } from '../../../shared/forms/templates';
import { RegisterStore } from '../registers';
import { TestimonyStore } from '../testimonies';
import { VaultService } from '../vault';
import type { CreateVaultOptions } from '../vault';

export interface Services {
  readonly vault: VaultService;
  readonly custody: CustodyLog;
  readonly testimonies: TestimonyStore;
  readonly preferences: PreferencesStore;
  readonly attachments: AttachmentStore;
  readonly interviews: InterviewStore;
  readonly registers: RegisterStore;
  /** Whom bundles may be sealed to: age keys with a name, organisation and class. */
  readonly recipients: RecipientStore;
  /** Read from section B: what may be stored of a testimony (the other stores ask it). */
  readonly consent: ConsentGate;
  /** Redaction sets, profiles and previews (issue 6). */
  readonly redactions: RedactionService;
  /** Sealed bundles for recipients (age over a signed BagIt bag). */
  readonly exports: ExportService;
  /** The one export in flight: its progress, and its cancel (a lock cancels it too). */
  readonly exportJobs: ExportJobs;
}

export interface ServiceOptions {
  readonly vaultDir: string;
  readonly log: Logger;
  readonly vault?: CreateVaultOptions;
  /** Defaults to preferences.json beside the vault folder. */
  readonly preferencesPath?: string;
}

export function createServices({
  vaultDir,
  log,
  vault: vaultOptions,
  preferencesPath,
}: ServiceOptions): Services {
  const vault = new VaultService(vaultDir, log, vaultOptions);
  const custody = new CustodyLog({
    db: () => vault.database(),
    vaultId: () => vault.vaultId(),
    signingSeed: () => vault.subkey('signing'),
  });
  const exportJobs = new ExportJobs();
  // First, before the log closes: the export stops writing and removes its temp file.
  vault.onLock(() => exportJobs.cancel('locked'));
  vault.onLock(() => {
    try {
      custody.record('vault.locked');
    } catch {
      // A lock must happen even when the disk is full; the next unlock entry follows anyway.
      log.warn('custody.lock_entry_failed');
    } finally {
      custody.forget();
    }
  });
  const db = () => vault.database();
  // The device key names the author until interviewer profiles exist.
  const author = () => `device:${custody.publicKey()}`;
  const consent = new ConsentGate(db);
  const testimonies = new TestimonyStore({ db, custody, author, consent });
  const interviews = new InterviewStore({ db, custody, author });
  const registers = new RegisterStore({ db, custody, consent });
  const recipients = new RecipientStore({ db, custody });
  const preferences = new PreferencesStore(
    preferencesPath ?? join(dirname(vaultDir), 'preferences.json'),
  );
  const attachments = new AttachmentStore({
    db: () => vault.database(),
    blobsDir: () => join(vault.dir, 'blobs'),
    blobsKey: () => vault.subkey('blobs'),
    custody,
    consent,
  });
  const redactions = new RedactionService({
    store: new RedactionStore({ db, custody }),
    profiles: new ProfileStore({ db, custody }),
    current: (id) =>
      currentDocument(
        { testimonies, interviews, registers, attachments, template: getTemplate },
        id,
      ),
    registers: () => registers.list(),
    history: {
      narrativeAt: (id, seq) => {
        try {
          return testimonies.revisionText(id, seq);
        } catch {
          return undefined;
        }
      },
      sectionAt: (id, sectionId, seq) => interviews.sectionAt(id, sectionId, seq),
    },
    attachments,
  });
  const exports = new ExportService({
    db,
    custody,
    testimonies,
    interviews,
    registers,
    attachments,
    recipients,
    redactions,
    signingSeed: () => vault.subkey('signing'),
  });
  return {
    vault,
    custody,
    testimonies,
    preferences,
    attachments,
    interviews,
    registers,
    recipients,
    consent,
    redactions,
    exports,
    exportJobs,
  };
}
