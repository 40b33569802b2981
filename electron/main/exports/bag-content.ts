/**
 * What goes into a bundle's bag, in order: per testimony its attachments (original bytes streamed
 * from the store), testimony.json and testimony.pdf; then data/custody.jsonl and
 * data/device-key.pub; then the tag files with VERIFY.txt, the tag manifest and its minisign
 * signature. Attachments go first so testimony.json and the PDF can cite the bag paths and the
 * hashes the bytes really had on their way into the archive.
 */
import { AppError } from '../../../shared/errors';
import type { Template } from '../../../shared/forms/template';
import type { RedactedDocument } from '../../../shared/redaction';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import type { AttachmentSummary } from '../attachments';
import { bagPayloadPath, signPrehashed } from '../bundles';
import type { BagSummary, BagWriter, MinisignPublicKey } from '../bundles';
import type { CustodyEntry } from '../custody';
import type { Interview } from '../interviews';
import { renderTestimonyPdf } from '../reports';
import type { FontFiles } from '../reports';
import type { Testimony } from '../testimonies';
import { uniqueName } from './bag-content-names';
import { custodyExcerpt } from './custody-excerpt';
import { addOriginalPayload } from './original-payload';
import type { OriginalAttachments } from './original-payload';
import { writeRedactedAttachments } from './redacted-attachments';
import { sha256Hex, testimonyDocument } from './testimony-document';
import type { BundledAttachment, DocumentRegisters } from './testimony-document';
import { verifyText } from './verify-text';

export interface TestimonyParts {
  readonly testimony: Testimony;
  readonly interview: Interview;
  readonly attachments: readonly AttachmentSummary[];
  /** Set when the export goes through a profile that removes something (issue 6). */
  readonly redaction?: RedactedDocument;
}

export interface BagContentInput {
  readonly bundleId: string;
  /** The bagging time, whole seconds: every tar mtime, the PDF dates, the signature's comment. */
  readonly baggedAt: Date;
  readonly lang: 'uk' | 'en';
  readonly parts: readonly TestimonyParts[];
  readonly registers: DocumentRegisters;
  readonly custody: readonly CustodyEntry[];
  readonly deviceKey: MinisignPublicKey;
  readonly fonts: FontFiles;
  readonly template: (id: string, version: number) => Template | undefined;
  /** The attachments' original bytes, streamed (the store decrypts and checks them). */
  readonly originals: OriginalAttachments;
  /** An image attachment's original bytes in memory, for a redacted rendering. */
  readonly imageBytes: (testimonyId: string, attachmentId: string) => Promise<Buffer>;
  /** The 32-byte signing seed; wiped here once the signature is made. */
  readonly signingSeed: () => Uint8Array;
  readonly wipe: (bytes: Uint8Array) => void;
  /** Called before each file: throws when the export was cancelled. */
  readonly checkpoint: () => void;
  /** Called after each payload file is complete. */
  readonly fileDone: () => void;
}

export async function writeBagContent(bag: BagWriter, input: BagContentInput): Promise<BagSummary> {
  const exported = new Set<string>();
  for (const part of input.parts) {
    await writeTestimony(bag, input, part);
    exported.add(part.testimony.id);
  }
  input.checkpoint();
  const redacted = new Set(input.parts.filter((p) => p.redaction).map((p) => p.testimony.id));
  await bag.addPayloadBuffer('custody.jsonl', custodyExcerpt(input.custody, exported, redacted));
  input.fileDone();
  await bag.addPayloadBuffer('device-key.pub', Buffer.from(input.deviceKey.text, 'utf8'));
  input.fileDone();
  input.checkpoint();
  const iso = input.baggedAt.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return bag.finish({
    extraTagFiles: [
      {
        name: 'VERIFY.txt',
        bytes: Buffer.from(
          verifyText({
            bundleId: input.bundleId,
            keyId: input.deviceKey.keyId,
            publicKeyBase64: input.deviceKey.base64,
          }),
          'utf8',
        ),
      },
    ],
    signTagManifest: async (tagManifest) => {
      const seed = input.signingSeed();
      try {
        const signature = await signPrehashed(
          seed,
          input.deviceKey.keyId,
          [tagManifest],
          `svidok bundle ${input.bundleId} time ${iso} key ${input.deviceKey.keyId}`,
        );
        return [{ name: 'tagmanifest-sha256.txt.minisig', bytes: Buffer.from(signature, 'utf8') }];
      } finally {
        input.wipe(seed);
      }
    },
  });
}

async function writeTestimony(
  bag: BagWriter,
  input: BagContentInput,
  { testimony, interview, attachments, redaction }: TestimonyParts,
): Promise<void> {
  const template = input.template(interview.templateId, interview.templateVersion);
  if (!template) throw new AppError('INTERNAL', 'The testimony’s template is not known');
  const folder = `testimonies/${bagPayloadPath(testimony.recordCode)}`;
  let document: TestimonyJsonV2;
  let bundled: BundledAttachment[];
  if (redaction) {
    bundled = await writeRedactedAttachments({
      bag,
      folder,
      attachments,
      plan: redaction,
      originals: input.originals,
      imageBytes: (id) => input.imageBytes(testimony.id, id),
      checkpoint: input.checkpoint,
      fileDone: input.fileDone,
    });
    document = { ...redaction.document, attachments: bundled };
  } else {
    bundled = await writeOriginalAttachments(bag, input, folder, attachments);
    input.checkpoint();
    document = testimonyDocument({
      testimony,
      interview,
      template,
      registers: input.registers,
      attachments: bundled,
    });
  }
  const json = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  await bag.addPayloadBuffer(`${folder}/testimony.json`, json);
  input.fileDone();
  input.checkpoint();
  const pdf = await renderTestimonyPdf(
    {
      lang: input.lang,
      bundleId: input.bundleId,
      generatedAt: input.baggedAt.toISOString(),
      recordCode: testimony.recordCode,
      createdAt: testimony.createdAt,
      interviewer: `device key ${input.deviceKey.keyId}`,
      template,
      sections: document.sections,
      narrative: document.narrative,
      registers: document.registers,
      attachments: bundled,
      custody: input.custody
        .filter((entry) => entry.testimony === testimony.id)
        .map(({ seq, at, action }) => ({ seq, at, action })),
      hashes: [{ label: 'testimony.json', sha256: sha256Hex(json) }],
    },
    input.fonts,
  );
  await bag.addPayloadBuffer(`${folder}/testimony.pdf`, pdf);
  input.fileDone();
}

async function writeOriginalAttachments(
  bag: BagWriter,
  input: BagContentInput,
  folder: string,
  attachments: readonly AttachmentSummary[],
): Promise<BundledAttachment[]> {
  const bundled: BundledAttachment[] = [];
  const names = new Set<string>();
  for (const attachment of attachments) {
    input.checkpoint();
    const name = uniqueName(attachment.fileName, names);
    const path = `${folder}/attachments/${name}`;
    const record = await addOriginalPayload(bag, path, attachment, input.originals);
    bundled.push({
      id: attachment.id,
      fileName: attachment.fileName,
      size: attachment.size,
      sha256: record.sha256,
      path: record.path,
    });
    input.fileDone();
  }
  return bundled;
}
