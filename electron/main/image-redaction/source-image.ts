/**
 * Opening the source: a size check before sharp sees a byte, a header read to learn the format and
 * displayed size, and the one set of decoder options every read uses.
 */
import { createRequire } from 'node:module';
import type SharpModule from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { MAX_INPUT_BYTES, MAX_INPUT_PIXELS } from './limits';
import type { OutputFormat, SourceFormat } from './types';

export interface SourceImage {
  readonly bytes: Uint8Array;
  readonly format: SourceFormat;
  readonly outputFormat: OutputFormat;
  /** Displayed size (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
}

/**
 * sharp (libvips, ~20 MiB of memory once loaded) is loaded on the first image, not at startup:
 * the app, the CLI and every export that redacts no image never pay for it.
 */
let sharp: typeof SharpModule | undefined;

function loadSharp(): void {
  // require, not import(): the packaged app loads it from inside app.asar, where Electron's
  // CommonJS loader is at home and import() has not always been (electron/electron#38957).
  sharp ??= createRequire(__filename)('sharp') as typeof SharpModule;
}

/**
 * The only decoder settings we use. autoOrient: regions are in displayed coordinates. failOn
 * 'error': a truncated or corrupt image is refused rather than half-decoded (mere warnings, such
 * as stray bytes some cameras write, still pass). sequentialRead: libvips then streams from the
 * buffer, and rotation is done in memory (sharp's StaySequential), so decoded pixels never go
 * to a libvips temp file on disk.
 */
export function decoder(bytes: Uint8Array): Sharp {
  if (!sharp) throw new Error('sharp is not loaded: openSource loads it');
  return sharp(bytes, {
    autoOrient: true,
    failOn: 'error',
    limitInputPixels: MAX_INPUT_PIXELS,
    sequentialRead: true,
    pages: 1,
  });
}

const OUTPUT_FOR: Record<SourceFormat, OutputFormat> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  // No metadata-free, widely readable equivalent worth the risk: a single lossless PNG frame.
  gif: 'png',
  tiff: 'png',
  heif: 'png',
};

function isSourceFormat(format: string): format is SourceFormat {
  return Object.hasOwn(OUTPUT_FOR, format);
}

/** Checks the buffer and reads the header; throws the AppError the interviewer should see. */
export async function openSource(source: unknown): Promise<SourceImage> {
  loadSharp();
  // Never a string: sharp would read it as a file path.
  if (!(source instanceof Uint8Array)) throw new AppError('BAD_INPUT', 'the image must be bytes');
  if (source.byteLength === 0) throw new AppError('IMAGE_UNSUPPORTED', 'the file is empty');
  if (source.byteLength > MAX_INPUT_BYTES) {
    throw new AppError('IMAGE_TOO_LARGE', `the image is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  let meta: Metadata;
  try {
    meta = await decoder(source).metadata();
  } catch (error) {
    throw decodeFailure(error);
  }
  // SVG, PDF and the like are documents sharp would rasterise (text, links, scripts): refused
  // rather than accepted as photos we cannot reason about.
  if (!isSourceFormat(meta.format)) {
    throw new AppError('IMAGE_UNSUPPORTED', `${meta.format} images are not supported`);
  }
  // Only one frame would be blacked out; the others would travel untouched or be lost silently.
  if ((meta.pages ?? 1) > 1) {
    throw new AppError('IMAGE_UNSUPPORTED', 'animated and multi-page images are not supported');
  }
  // HEIC photos (HEVC) cannot be decoded by sharp's bundled libvips; say so, not "damaged".
  if (meta.format === 'heif' && meta.compression === 'hevc') {
    throw new AppError('IMAGE_UNSUPPORTED', 'HEIC images are not supported; convert to JPEG');
  }
  // sharp checks this too, but only when pixels are decoded; refuse before that.
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new AppError('IMAGE_TOO_LARGE', `the image has more than ${MAX_INPUT_PIXELS} pixels`);
  }
  return {
    bytes: source,
    format: meta.format,
    outputFormat: OUTPUT_FOR[meta.format],
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
  };
}

/** Turns a sharp failure into a typed error. The message names no content of the image. */
export function decodeFailure(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format/i.test(message)) {
    return new AppError('IMAGE_UNSUPPORTED', 'the file is not an image', { cause: error });
  }
  if (/pixel limit/i.test(message)) {
    return new AppError('IMAGE_TOO_LARGE', 'the image has too many pixels', { cause: error });
  }
  return new AppError('IMAGE_DAMAGED', 'the image is damaged or incomplete', { cause: error });
}
