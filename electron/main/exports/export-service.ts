/**
 * Sealed bundles for prosecutors: age( tar( BagIt bag ) ), streamed end to end. Attachments flow
 * from the store's decrypting stream through the bag's hashes, the tar writer and age encryption
 * into a temp file beside the target, a few 64 KiB chunks at a time, so a bundle of any size is
 * never whole in memory. Only a finished, fsynced file takes its final name, and only together
 * with its custody entries (one `bundle.exported` per testimony, carrying the .age file's SHA-256
 * and the recipients' fingerprints, never names); a cancel or any failure leaves nothing behind.
 *
 * Consent is checked first: every testimony must still allow storing identifying data and must
 * hold the `share_<class>` scope of every recipient's class (a withdrawn scope is a missing one).
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { ConsentScope, RecipientClass } from '../../../shared/forms/consent';
import { getTemplate } from '../../../shared/forms/templates';
import type { Template } from '../../../shared/forms/template';
import { FULL_PROFILE, keepsEverything } from '../../../shared/redaction';
import type { RedactedDocument, RedactionProfile } from '../../../shared/redaction';
import { version as SOFTWARE_VERSION } from '../../../package.json';
import type { AttachmentStore } from '../attachments';
import { BagWriter, encryptAge, minisignPublicKey, TarWriter, writableSink } from '../bundles';
import type { ChunkSink } from '../bundles';
import type { CustodyLog } from '../custody';
import { toStorageError } from '../files';
import type { InterviewStore } from '../interviews';
import { parseAgeRecipient } from '../recipients';
import type { Recipient, RecipientStore } from '../recipients';
import type { RegisterStore } from '../registers';
import { loadReportFonts } from '../reports';
import type { FontFiles } from '../reports';
import type { TestimonyStore } from '../testimonies';
import type { Db } from '../vault';
import { loadedSodium } from '../vault';
import { writeBagContent } from './bag-content';
import { draftDocument } from './current-document';
import type { CurrentDocument } from './current-document';
import type { TestimonyParts } from './bag-content';
import { BundleFile } from './bundle-file';

export interface ExportProgress {
  /** Bytes of the bag's tar produced so far (before encryption). */
  readonly bytes: number;
  /** Files of the bag completed so far. */
  readonly files: number;
}

export interface ExportOptions {
  readonly testimonyIds: readonly string[];
  /** age public keys (`age1…`), each of a recipient in the vault's register. */
  readonly recipients: readonly string[];
  readonly outDir: string;
  /** Default `<bundle-id>.svidok.age`. */
  readonly fileName?: string;
  /** Default a new one; the IPC handler makes it first to suggest the file name. */
  readonly bundleId?: string;
  /** The PDF report's language. */
  readonly lang?: 'uk' | 'en';
  /** bag-info.txt's Source-Organization. */
  readonly organisation?: string;
  /** The redaction profile (issue 6) by id or name; the full profile when absent. */
  readonly profile?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  readonly path: string;
  readonly bundleId: string;
  /** SHA-256 of the .age file, as recorded in custody. */
  readonly sha256: string;
  readonly bytes: number;
}

export interface ExportServiceDeps {
  readonly db: () => Db;
  readonly custody: Pick<CustodyLog, 'record' | 'entries' | 'publicKey'>;
  readonly testimonies: Pick<TestimonyStore, 'get'>;
  readonly interviews: Pick<InterviewStore, 'get'>;
  readonly registers: Pick<RegisterStore, 'list'>;
  readonly attachments: Pick<AttachmentStore, 'list' | 'open' | 'sha512'>;
  readonly recipients: Pick<RecipientStore, 'byPublicKey'>;
  /** A copy of the vault's 'signing' sub-key (the device key's seed); wiped after use. */
  readonly signingSeed: () => Uint8Array;
  readonly template?: (id: string, version: number) => Template | undefined;
  /** Profiles and redaction plans; without it every export is the full profile. */
  readonly redactions?: ExportRedactions;
  readonly fonts?: () => FontFiles;
  readonly now?: () => Date;
}

/** What an export needs of the redaction service (electron/main/redaction). */
export interface ExportRedactions {
  profile(idOrName: string): RedactionProfile;
  plan(ctx: CurrentDocument, profile: RedactionProfile): RedactedDocument;
  attachmentBytes(testimonyId: string, attachmentId: string): Promise<Buffer>;
}

const DEFAULT_ORGANISATION = 'not stated / не зазначено';
const BUNDLE_ID = /^svidok-\d{8}-[0-9a-f]{8}$/;
/** Progress is reported at most this often (in tar bytes), and after every file. */
const PROGRESS_STEP = 1024 * 1024;
/** estimateBytes' allowances, measured on sample bundles (tests/unit/exports/export-jobs). */
const ESTIMATE_PER_BAG = 16 * 1024;
const ESTIMATE_PER_TESTIMONY = 256 * 1024;
const ESTIMATE_PER_FILE = 2 * 1024;

/** `svidok-<YYYYMMDD>-<8 lowercase hex>`, the date in UTC. */
export function newBundleId(at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `svidok-${day}-${randomBytes(4).toString('hex')}`;
}

const cancelled = () => new AppError('EXPORT_CANCELLED', 'The export was cancelled');

export class ExportService {
  private fonts: FontFiles | null = null;

  constructor(private readonly deps: ExportServiceDeps) {}

  newBundleId(): string {
    return newBundleId(this.now());
  }

  /** The checks of an export (recipients known, consent given) without writing anything. */
  check(testimonyIds: readonly string[], recipientKeys: readonly string[], profile?: string): void {
    this.partsOf(testimonyIds, this.recipientsOf(recipientKeys), this.profileOf(profile));
  }

  /**
   * Roughly how many tar bytes the bag of these testimonies will hold, for a progress bar: the
   * attachments' sizes plus an allowance per file (tar headers, manifest lines) and per
   * testimony (testimony.json, the PDF report, the custody excerpt).
   */
  estimateBytes(testimonyIds: readonly string[]): number {
    let total = ESTIMATE_PER_BAG;
    for (const id of new Set(testimonyIds)) {
      total += ESTIMATE_PER_TESTIMONY;
      for (const a of this.deps.attachments.list(id)) total += a.size + ESTIMATE_PER_FILE;
    }
    return total;
  }

  async exportBundle(options: ExportOptions): Promise<ExportResult> {
    const { signal } = options;
    if (signal?.aborted) throw cancelled();
    const recipients = this.recipientsOf(options.recipients);
    const profile = this.profileOf(options.profile);
    const parts = this.partsOf(options.testimonyIds, recipients, profile);
    const baggedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    const bundleId = options.bundleId ?? newBundleId(baggedAt);
    if (!BUNDLE_ID.test(bundleId)) throw new AppError('BAD_INPUT', 'Not a bundle id');
    // Snapshots taken before any byte is written: the bundle shows the vault as it was now.
    const custody = this.deps.custody.entries();
    const registers = this.deps.registers.list();
    const deviceKey = minisignPublicKey(Buffer.from(this.deps.custody.publicKey(), 'base64'));
    const fonts = this.loadFonts();

    const file = await BundleFile.create(
      options.outDir,
      options.fileName ?? `${bundleId}.svidok.age`,
    );
    let firstError: unknown;
    const plain = new PassThrough();
    let cipher: (NodeJS.ReadableStream & { destroy(error?: Error): void }) | undefined;
    const fail = (error: unknown) => {
      firstError ??= error;
      // Destroyed with an error, never ended: age must not seal a truncated tar as complete.
      plain.destroy(error instanceof Error ? error : new Error('export failed'));
      cipher?.destroy();
    };
    const onAbort = () => fail(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let files = 0;
      let bytes = 0;
      let reported = 0;
      const report = (force: boolean) => {
        if (!options.onProgress || (!force && bytes - reported < PROGRESS_STEP)) return;
        reported = bytes;
        options.onProgress({ bytes, files });
      };
      const checkpoint = () => {
        if (signal?.aborted) throw cancelled();
      };
      const inner = writableSink(plain);
      const sink: ChunkSink = {
        async write(chunk) {
          checkpoint();
          await inner.write(chunk);
          bytes += chunk.length;
          report(false);
        },
      };
      const age = await encryptAge(plain, { recipients: recipients.map((r) => r.publicKey) });
      cipher = age;
      const consume = (async () => {
        for await (const chunk of age as AsyncIterable<Uint8Array>) await file.write(chunk);
      })().catch((error: unknown) => fail(error));
      const produce = (async () => {
        const tar = new TarWriter(sink, { mtime: baggedAt.getTime() / 1000 });
        const bag = new BagWriter(tar, {
          bagName: bundleId,
          info: {
            sourceOrganization: options.organisation?.trim() || DEFAULT_ORGANISATION,
            externalIdentifier: bundleId,
            baggingDate: baggedAt,
            softwareVersion: SOFTWARE_VERSION,
          },
        });
        await writeBagContent(bag, {
          bundleId,
          baggedAt,
          lang: options.lang ?? 'uk',
          parts,
          registers,
          custody,
          deviceKey,
          fonts,
          template: this.deps.template ?? getTemplate,
          originals: {
            open: (id) => this.deps.attachments.open(id),
            sha512: (id) => this.deps.attachments.sha512(id),
          },
          imageBytes: (testimonyId, id) => this.redactions().attachmentBytes(testimonyId, id),
          signingSeed: this.deps.signingSeed,
          wipe: (b) => loadedSodium().memzero(b),
          checkpoint,
          fileDone: () => {
            files++;
            report(true);
          },
        });
        plain.end();
      })().catch((error: unknown) => fail(error));
      await Promise.all([produce, consume]);
      if (firstError === undefined && signal?.aborted) firstError = cancelled();
      if (firstError !== undefined) throw firstError;
      const sha256 = await file.seal();
      this.commit(
        file,
        parts,
        recipients,
        { bundleId, sha256, bytes: file.bytes, profile: profile.id },
        signal,
      );
      return { path: file.finalPath, bundleId, sha256, bytes: file.bytes };
    } catch (error) {
      await file.discard();
      throw toStorageError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The file takes its name and the custody entries commit together, or neither happens. */
  private commit(
    file: BundleFile,
    parts: readonly TestimonyParts[],
    recipients: readonly Recipient[],
    bundle: { bundleId: string; sha256: string; bytes: number; profile: string },
    signal: AbortSignal | undefined,
  ): void {
    if (signal?.aborted) throw cancelled();
    const db = this.deps.db();
    let named = false;
    try {
      db.transaction(() => {
        for (const { testimony } of parts) {
          this.deps.custody.record(
            'bundle.exported',
            { testimonyId: testimony.id },
            {
              bundleId: bundle.bundleId,
              sha256: bundle.sha256,
              bytes: bundle.bytes,
              testimonies: parts.length,
              recipients: recipients.map((r) => r.fingerprint).join(', '),
              profile: bundle.profile,
            },
          );
        }
        file.commitSync();
        named = true;
      })();
    } catch (error) {
      if (named) file.uncommitSync();
      throw error;
    }
  }

  /** Each key must be a recipient in the register; its class decides the consent needed. */
  private recipientsOf(keys: readonly string[]): Recipient[] {
    if (keys.length === 0) throw new AppError('BAD_INPUT', 'A bundle needs at least one recipient');
    const found = new Map<string, Recipient>();
    for (const key of keys) {
      const recipient = this.deps.recipients.byPublicKey(parseAgeRecipient(key));
      if (!recipient) {
        throw new AppError('NOT_FOUND', 'A recipient key is not in the vault’s register');
      }
      found.set(recipient.publicKey, recipient);
    }
    return [...found.values()];
  }

  private partsOf(
    ids: readonly string[],
    recipients: readonly Recipient[],
    profile: RedactionProfile,
  ): TestimonyParts[] {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw new AppError('BAD_INPUT', 'A bundle needs a testimony');
    const classes = [...new Set(recipients.map((r) => r.recipientClass))];
    // The survivor's consent first: it is the reason an export is refused that matters most.
    const parts = unique.map((id) => {
      const testimony = this.deps.testimonies.get(id);
      const interview = this.deps.interviews.get(id);
      requireShareConsent(interview.consent, classes);
      return { testimony, interview, attachments: this.deps.attachments.list(id) };
    });
    for (const cls of classes) {
      if (!profile.recipientClasses.includes(cls)) {
        throw new AppError(
          'PROFILE_NOT_ALLOWED',
          `The profile ${profile.id} may not be sent to recipients of class ${cls}`,
        );
      }
    }
    if (keepsEverything(profile)) return parts;
    // Planned before any byte is written: a stale span refuses the export here.
    const registers = this.deps.registers.list();
    const template = this.deps.template ?? getTemplate;
    return parts.map((part) => {
      const ctx = draftDocument(part, registers, template);
      return { ...part, redaction: this.redactions().plan(ctx, profile) };
    });
  }

  private profileOf(idOrName: string | undefined): RedactionProfile {
    if (idOrName === undefined || idOrName === FULL_PROFILE.id) return FULL_PROFILE;
    return this.redactions().profile(idOrName);
  }

  private redactions(): ExportRedactions {
    if (!this.deps.redactions) throw new AppError('INTERNAL', 'Redaction is not available');
    return this.deps.redactions;
  }

  private loadFonts(): FontFiles {
    this.fonts ??= (this.deps.fonts ?? loadReportFonts)();
    return this.fonts;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** Names the class that lacks consent, never the testimony or anything in it. */
function requireShareConsent(
  consent: { granted: readonly ConsentScope[]; canStore: boolean },
  classes: readonly RecipientClass[],
): void {
  if (!consent.canStore) {
    throw new AppError(
      'CONSENT_REQUIRED',
      'A testimony lacks consent to the interview and to storing identifying data',
    );
  }
  for (const cls of classes) {
    if (!consent.granted.includes(`share_${cls}`)) {
      throw new AppError(
        'CONSENT_REQUIRED',
        `A testimony lacks consent to share with recipients of class ${cls}`,
      );
    }
  }
}
