/**
 * The attachments of a testimony in a bundle built through a redaction profile: excluded ones
 * stay home; images with blackout regions travel as a new rendering (the original is never
 * changed); every other image travels re-encoded without its metadata, because GPS and camera
 * data identify as surely as a name; other files travel as their original bytes. Names come from
 * the redacted document, so no redacted string reaches a bag path or a manifest.
 */
import type { RedactedDocument } from '../../../shared/redaction';
import type { AttachmentSummary } from '../attachments';
import type { BagWriter } from '../bundles';
import { blackoutImage, MAX_INPUT_BYTES, stripMetadata } from '../image-redaction';
import type { RedactedImage } from '../image-redaction';
import { uniqueName } from './bag-content-names';
import { addOriginalPayload } from './original-payload';
import type { OriginalAttachments } from './original-payload';
import type { BundledAttachment } from './testimony-document';

export interface RedactedAttachmentsInput {
  readonly bag: BagWriter;
  /** "testimonies/<code>" inside data/. */
  readonly folder: string;
  readonly attachments: readonly AttachmentSummary[];
  readonly plan: RedactedDocument;
  readonly originals: OriginalAttachments;
  /** An image's original bytes in memory (bounded by the image limit); wiped here after use. */
  readonly imageBytes: (attachmentId: string) => Promise<Buffer>;
  readonly checkpoint: () => void;
  readonly fileDone: () => void;
}

const IMAGE_NAME = /\.(jpe?g|png|webp|tiff?|gif|avif|heic|heif)$/i;
const EXTENSION: Record<RedactedImage['format'], string> = {
  jpeg: '.jpg',
  png: '.png',
  webp: '.webp',
};

export async function writeRedactedAttachments(
  input: RedactedAttachmentsInput,
): Promise<BundledAttachment[]> {
  const excluded = new Set(input.plan.excludedAttachmentIds);
  const shownName = new Map(input.plan.document.attachments.map((a) => [a.id, a.fileName]));
  const names = new Set<string>();
  const bundled: BundledAttachment[] = [];
  for (const attachment of input.attachments) {
    if (excluded.has(attachment.id)) continue;
    input.checkpoint();
    const fileName = shownName.get(attachment.id) ?? attachment.fileName;
    const regions = input.plan.blackouts.get(attachment.id);
    const image =
      regions || (IMAGE_NAME.test(attachment.fileName) && attachment.size <= MAX_INPUT_BYTES)
        ? await rendered(input, attachment, regions)
        : undefined;
    if (image) {
      const name = withExtension(fileName, EXTENSION[image.format]);
      const path = `${input.folder}/attachments/${uniqueName(name, names)}`;
      const record = await input.bag.addPayloadBuffer(path, image.bytes);
      bundled.push({
        id: attachment.id,
        fileName: name,
        size: image.bytes.length,
        sha256: record.sha256,
        path: record.path,
        derived: { from: attachment.sha256, kind: regions ? 'blackout' : 'metadata_removed' },
      });
    } else {
      const path = `${input.folder}/attachments/${uniqueName(fileName, names)}`;
      const record = await addOriginalPayload(input.bag, path, attachment, input.originals);
      bundled.push({
        id: attachment.id,
        fileName,
        size: attachment.size,
        sha256: record.sha256,
        path: record.path,
      });
    }
    input.fileDone();
  }
  return bundled;
}

/**
 * The image re-rendered: with its regions blacked out, or only cleaned. One that cannot be
 * rendered (a HEIC photo, a damaged file) stops the export rather than travel with its GPS: the
 * interviewer can exclude it, or convert it and attach it again.
 */
async function rendered(
  input: RedactedAttachmentsInput,
  attachment: AttachmentSummary,
  regions: RedactedDocument['blackouts'] extends ReadonlyMap<string, infer R>
    ? R | undefined
    : never,
): Promise<RedactedImage> {
  const bytes = await input.imageBytes(attachment.id);
  try {
    return regions ? await blackoutImage(bytes, regions) : await stripMetadata(bytes);
  } finally {
    bytes.fill(0);
  }
}

function withExtension(fileName: string, extension: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}${extension}`;
}
