/** Bag file names: safe, unique within their folder, case-folded as Windows and macOS compare. */
import { safeFileName } from '../attachments';
import { bagPayloadPath } from '../bundles';

/**
 * A safe, bag-ready file name not yet used in this folder. Names are compared case-folded, so a
 * bag extracted on a case-insensitive file system (Windows, macOS) loses no file either.
 */
export function uniqueName(fileName: string, used: Set<string>): string {
  const base = bagPayloadPath(safeFileName(fileName));
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? base.slice(dot) : '';
  // Cut the stem first, so the suffix always survives safeFileName's 200-byte limit.
  const shortStem = cutToBytes(stem, 150);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    name = bagPayloadPath(safeFileName(`${shortStem}-${n}${extension}`));
  }
  used.add(name.toLowerCase());
  return name;
}

function cutToBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > max) break;
    out += ch;
  }
  return out;
}
