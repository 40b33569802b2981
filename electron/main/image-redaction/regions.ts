/**
 * Blackout regions: checked before any decoding, then clipped to the displayed image and, where
 * the encoder needs it, grown to its block grid.
 */
import { AppError } from '../../../shared/errors';
import { MAX_REGIONS } from './limits';
import type { Rect } from './types';

/** Refuses anything that is not 1–MAX_REGIONS rectangles of safe integers with a positive size. */
export function checkRegions(regions: unknown): readonly Rect[] {
  if (!Array.isArray(regions)) throw new AppError('BAD_INPUT', 'regions must be a list');
  // An empty list would produce a "redacted" copy with nothing redacted; stripMetadata says so.
  if (regions.length === 0) throw new AppError('BAD_INPUT', 'no region to black out');
  if (regions.length > MAX_REGIONS) {
    throw new AppError('BAD_INPUT', `more than ${MAX_REGIONS} regions`);
  }
  // Array.from visits holes in a sparse list too, so they are refused rather than skipped.
  return Array.from(regions as unknown[], (region, i) => {
    const r = region as Partial<Record<keyof Rect, unknown>> | null;
    const ok =
      r !== null &&
      typeof r === 'object' &&
      Number.isSafeInteger(r.x) &&
      Number.isSafeInteger(r.y) &&
      Number.isSafeInteger(r.w) &&
      Number.isSafeInteger(r.h) &&
      (r.w as number) > 0 &&
      (r.h as number) > 0;
    if (!ok)
      throw new AppError('BAD_INPUT', `region ${i} is not whole pixels with a positive size`);
    // A copy, so a caller changing its array later cannot change what we report.
    return { x: r.x as number, y: r.y as number, w: r.w as number, h: r.h as number };
  });
}

/**
 * Each region cut to the image. One that misses the image entirely refuses the whole request:
 * it almost always means coordinates of the wrong orientation, and dropping it silently would
 * leave the area the interviewer meant to hide in the copy.
 */
export function clipRegions(regions: readonly Rect[], width: number, height: number): Rect[] {
  return regions.map((r, i) => {
    const x0 = Math.max(0, r.x);
    const y0 = Math.max(0, r.y);
    const x1 = Math.min(width, r.x + r.w);
    const y1 = Math.min(height, r.y + r.h);
    if (x1 <= x0 || y1 <= y0) {
      throw new AppError('BAD_INPUT', `region ${i} lies outside the ${width}×${height} image`);
    }
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  });
}

/** Grows a rectangle outward to multiples of `grid`, staying inside the image. */
export function alignOutward(r: Rect, grid: number, width: number, height: number): Rect {
  if (grid <= 1) return r;
  const x0 = Math.floor(r.x / grid) * grid;
  const y0 = Math.floor(r.y / grid) * grid;
  const x1 = Math.min(width, Math.ceil((r.x + r.w) / grid) * grid);
  const y1 = Math.min(height, Math.ceil((r.y + r.h) / grid) * grid);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
