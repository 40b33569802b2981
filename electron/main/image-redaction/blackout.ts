/**
 * The three operations: describe a source, black out regions into a new image, or only re-encode
 * it clean. Every output is a fresh encoding of decoded pixels, so nothing from the source file
 * (EXIF, GPS, XMP, IPTC, ICC, comments, text chunks, thumbnails) can ride along.
 */
import { createHash } from 'node:crypto';
import type { OutputInfo, OverlayOptions } from 'sharp';
import { AppError } from '../../../shared/errors';
import { encode, FILL_GRID } from './encoders';
import { DEFAULT_JPEG_QUALITY } from './limits';
import { alignOutward, checkRegions, clipRegions } from './regions';
import { decodeFailure, decoder, openSource } from './source-image';
import type { ImageInfo, Rect, RedactedImage, RedactionOptions } from './types';

/** Format and displayed size, for the UI to place regions on. */
export async function imageInfo(source: Buffer): Promise<ImageInfo> {
  const { format, outputFormat, width, height } = await openSource(source);
  return { format, outputFormat, width, height };
}

/** A new image with each region filled opaque black and no metadata. The source is not changed. */
export async function blackoutImage(
  source: Buffer,
  regions: readonly Rect[],
  options: RedactionOptions = {},
): Promise<RedactedImage> {
  // Cheap checks first: a bad request costs no decoding.
  const requested = checkRegions(regions);
  const quality = checkQuality(options.jpegQuality);
  return render(source, requested, quality);
}

/** The same image re-encoded with no metadata: for attachments kept whole but cleaned. */
export async function stripMetadata(
  source: Buffer,
  options: RedactionOptions = {},
): Promise<RedactedImage> {
  return render(source, [], checkQuality(options.jpegQuality));
}

async function render(
  source: Buffer,
  requested: readonly Rect[],
  quality: number,
): Promise<RedactedImage> {
  const image = await openSource(source);
  // Hash what we decode, before decoding, so the record names exactly these bytes.
  const sourceSha256 = sha256(image.bytes);
  const grid = FILL_GRID[image.outputFormat];
  const filled = clipRegions(requested, image.width, image.height).map((r) =>
    alignOutward(r, grid, image.width, image.height),
  );
  let bytes: Buffer;
  let info: OutputInfo;
  try {
    const pipeline =
      filled.length > 0
        ? decoder(image.bytes).composite(filled.map(blackBox))
        : decoder(image.bytes);
    ({ data: bytes, info } = await encode(pipeline, image.outputFormat, quality).toBuffer({
      resolveWithObject: true,
    }));
  } catch (error) {
    throw decodeFailure(error);
  }
  return {
    bytes,
    sha256: sha256(bytes),
    format: image.outputFormat,
    width: info.width,
    height: info.height,
    sourceSha256,
    regions: requested,
    filled,
  };
}

/** An opaque black rectangle; composited "over", it also makes transparent pixels opaque. */
function blackBox(r: Rect): OverlayOptions {
  return {
    input: { create: { width: r.w, height: r.h, channels: 3, background: { r: 0, g: 0, b: 0 } } },
    left: r.x,
    top: r.y,
  };
}

function checkQuality(quality: number | undefined): number {
  if (quality === undefined) return DEFAULT_JPEG_QUALITY;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new AppError('BAD_INPUT', 'jpegQuality must be a whole number from 1 to 100');
  }
  return quality;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
