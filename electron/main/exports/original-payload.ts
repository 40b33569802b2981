/**
 * An attachment's original bytes, streamed from the store into the bag.
 *
 * The manifests' digests are the ones taken at intake, not a second hash of gigabytes: the blob
 * store releases a chunk only after its Poly1305 tag verifies under the blob's own key, with the
 * attachment id as associated data, and ends only at the FINAL-tagged chunk with the recorded
 * size (attachments/blob-reader.ts). Bytes that pass are the very bytes intake hashed as it
 * encrypted them, so their digests are already known; anything else stops the export with
 * ATTACHMENT_CORRUPT. An attachment taken in before SHA-512 was recorded (migration 0010) is
 * hashed on its way into the bag, and its SHA-256 must then equal the intake hash.
 */
import { AppError } from '../../../shared/errors';
import type { AttachmentSummary } from '../attachments';
import type { BagWriter, PayloadRecord } from '../bundles';

/** What an export reads of the attachment store. */
export interface OriginalAttachments {
  /** The original bytes, authenticated chunk by chunk as they are read. */
  open(id: string): Promise<AsyncIterable<Uint8Array> & { destroy(): void }>;
  /** The SHA-512 taken at intake; undefined for attachments from before it was recorded. */
  sha512(id: string): string | undefined;
}

export async function addOriginalPayload(
  bag: BagWriter,
  path: string,
  attachment: Pick<AttachmentSummary, 'id' | 'size' | 'sha256'>,
  originals: OriginalAttachments,
): Promise<PayloadRecord> {
  const sha512 = originals.sha512(attachment.id);
  const stream = await originals.open(attachment.id);
  let record: PayloadRecord;
  try {
    record = sha512
      ? await bag.addPayloadWithDigests(path, attachment.size, stream, {
          sha256: attachment.sha256,
          sha512,
        })
      : await bag.addPayload(path, attachment.size, stream);
  } finally {
    stream.destroy();
  }
  if (record.sha256 !== attachment.sha256) {
    throw new AppError('ATTACHMENT_CORRUPT', 'An attachment does not match its intake hash');
  }
  return record;
}
