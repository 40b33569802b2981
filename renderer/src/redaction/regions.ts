/**
 * Blackout regions between the two sizes an image has here: the preview shown on screen and the
 * full image as displayed (EXIF orientation applied), which main renders the blackout into.
 * Regions are kept in full-size pixels and drawn scaled; rounding outwards, so a box never comes
 * out smaller than it was drawn.
 */
import type { BlackoutRegion } from '../../../shared/redaction/model';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A rectangle drawn on the shown image (CSS pixels from its top-left), in full-size pixels. */
export function toFullSize(
  rect: { x: number; y: number; w: number; h: number },
  shown: Size,
  full: Size,
): BlackoutRegion | null {
  const sx = full.width / shown.width;
  const sy = full.height / shown.height;
  const x0 = Math.max(0, Math.floor(Math.min(rect.x, rect.x + rect.w) * sx));
  const y0 = Math.max(0, Math.floor(Math.min(rect.y, rect.y + rect.h) * sy));
  const x1 = Math.min(full.width, Math.ceil(Math.max(rect.x, rect.x + rect.w) * sx));
  const y1 = Math.min(full.height, Math.ceil(Math.max(rect.y, rect.y + rect.h) * sy));
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A region as percentages of the image, for drawing it over the shown image at any size. */
export function asPercent(region: BlackoutRegion, full: Size) {
  return {
    left: `${(region.x / full.width) * 100}%`,
    top: `${(region.y / full.height) * 100}%`,
    width: `${(region.w / full.width) * 100}%`,
    height: `${(region.h / full.height) * 100}%`,
  };
}

/** Moves (or with `resize`, grows) a region by (dx, dy) full-size pixels, kept inside the image. */
export function nudge(
  region: BlackoutRegion,
  dx: number,
  dy: number,
  resize: boolean,
  full: Size,
): BlackoutRegion {
  if (resize) {
    const w = Math.min(full.width - region.x, Math.max(1, region.w + dx));
    const h = Math.min(full.height - region.y, Math.max(1, region.h + dy));
    return { ...region, w, h };
  }
  const x = Math.min(full.width - region.w, Math.max(0, region.x + dx));
  const y = Math.min(full.height - region.h, Math.max(0, region.y + dy));
  return { ...region, x, y };
}
