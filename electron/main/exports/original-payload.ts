/**
 * An attachment's original bytes, streamed from the store into the bag. The store authenticates
 * every chunk as it decrypts; the bag's own SHA-256 must then equal the intake hash, or the export
 * stops (ATTACHMENT_CORRUPT) rather than seal bytes the custody log does not vouch for.
 */
import { AppError } from '../../../shared/errors';
import type { AttachmentSummary } from '../attachments';
import type { BagWriter, PayloadRecord } from '../bundles';

export type OpenAttachment = (
  id: string,
) => Promise<AsyncIterable<Uint8Array> & { destroy(): void }>;

export async function addOriginalPayload(
  bag: BagWriter,
  path: string,
  attachment: Pick<AttachmentSummary, 'id' | 'size' | 'sha256'>,
  openAttachment: OpenAttachment,
): Promise<PayloadRecord> {
  const stream = await openAttachment(attachment.id);
  let record: PayloadRecord;
  try {
    record = await bag.addPayload(path, attachment.size, stream);
  } finally {
    stream.destroy();
  }
  if (record.sha256 !== attachment.sha256) {
    throw new AppError('ATTACHMENT_CORRUPT', 'An attachment does not match its intake hash');
  }
  return record;
}
