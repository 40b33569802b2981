/**
 * How each output format is written so that a blacked-out region decodes to exact (0,0,0).
 *
 * Measured on a noisy 640×480 photo with a 203×151 region at an odd offset (sharp 0.35.5):
 * - JPEG 4:2:0 (sharp's default): up to ~2,800 region pixels non-black, values up to 31, at any
 *   quality. Even grown to the 16-px MCU grid, ~120 edge pixels stay non-black (≤ 6): the
 *   decoder's chroma upsampling reads the neighbouring MCU.
 * - JPEG 4:4:4, region not aligned: ~1,700 non-black (≤ 32) in the 8×8 blocks it shares.
 * - JPEG 4:4:4, region grown outward to the 8-px block grid: 0 non-black at quality 50–100, with
 *   and without mozjpeg. A block that is all black holds only a DC term, which every IDCT
 *   returns exactly. This is what we write.
 * - WebP lossy: non-black pixels even 16 px inside the region (in-loop filtering and prediction),
 *   aligned or not. WebP is therefore written lossless: exact, about 3× larger.
 * - PNG is lossless: exact.
 */
import type { Sharp } from 'sharp';
import type { OutputFormat } from './types';

/** The block grid a black fill must be aligned to for the format to keep it exactly black. */
export const FILL_GRID: Record<OutputFormat, number> = { jpeg: 8, png: 1, webp: 1 };

/** Adds the encoder. sharp writes no metadata unless asked (no keep… / with… call here). */
export function encode(image: Sharp, format: OutputFormat, jpegQuality: number): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: jpegQuality, chromaSubsampling: '4:4:4', progressive: false });
    case 'png':
      return image.png({ palette: false });
    case 'webp':
      return image.webp({ lossless: true });
  }
}
