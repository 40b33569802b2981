/**
 * A small JPEG of an image as displayed, for the redaction screen to draw regions on. Like every
 * output here it is a fresh encoding with no metadata; the regions the interviewer draws are
 * scaled back to the full image's displayed size (`width`, `height`) by the renderer.
 */
import { decodeFailure, decoder, openSource } from './source-image';

export interface ImagePreview {
  readonly jpeg: Buffer;
  /** The full image's displayed size, which regions are given in. */
  readonly width: number;
  readonly height: number;
  readonly previewWidth: number;
  readonly previewHeight: number;
}

export async function previewImage(source: Buffer, maxSide = 1200): Promise<ImagePreview> {
  const image = await openSource(source);
  try {
    const { data, info } = await decoder(image.bytes)
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return {
      jpeg: data,
      width: image.width,
      height: image.height,
      previewWidth: info.width,
      previewHeight: info.height,
    };
  } catch (error) {
    throw decodeFailure(error);
  }
}
