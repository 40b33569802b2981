/** The record a working copy is stored with: enough to trace it to its source and to redo it. */
import type { RedactedImage, WorkingCopyRecord } from './types';

export function workingCopyRecord(image: RedactedImage): WorkingCopyRecord {
  return {
    sourceSha256: image.sourceSha256,
    // Requested, not filled: blackoutImage(source, regions) with these gives the same copy.
    regions: image.regions.map(({ x, y, w, h }) => ({ x, y, w, h })),
    outputSha256: image.sha256,
    format: image.format,
    width: image.width,
    height: image.height,
  };
}
