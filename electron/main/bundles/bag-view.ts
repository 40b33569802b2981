/**
 * A bag as the checks see it, wherever it is: a folder extracted on disk (`svidok verify`) or the
 * entries of a tar read in memory (the app's "Open bundle", which writes nothing). The checks of
 * bagit-verify and verify/ run over this interface only, so both paths run one set of checks.
 *
 * Paths are bag-relative with '/' ("bagit.txt", "data/custody.jsonl"). Nothing a view answers is
 * trusted: it is what the bundle holds.
 */

export type Algorithm = 'sha256' | 'sha512';
export type Digests = Record<Algorithm, string>;

/** Why a file could not be read: "missing", "larger than N bytes", "not valid UTF-8", … */
export interface BagProblem {
  readonly problem: string;
}

export interface BagListing {
  /** Payload files (data/…) and their sizes, in walk order (depth first, names sorted). */
  readonly files: Map<string, number>;
  /** Top-level names that are regular files, and 'data' when it is a folder; sorted. */
  readonly tops: string[];
  /** What is wrong with the layout: odd file types, nesting too deep, too many files. */
  readonly odd: ReadonlyArray<{ readonly path: string; readonly detail: string }>;
}

export interface BagView {
  listing(): Promise<BagListing>;
  /** A whole small file, or why not (more than `max` bytes is a problem, never read). */
  read(path: string, max: number): Promise<Uint8Array | BagProblem>;
  /** A file's bytes as a stream of chunks; throws (a BagViewError, say) when it cannot. */
  stream(path: string): AsyncIterable<Uint8Array>;
  /** Both digests of one file, or why it could not be read. */
  digests(path: string): Promise<Digests | string>;
  /** The names of the folders directly under `path`, sorted; empty when there are none. */
  folders(path: string): Promise<string[]>;
}

/** Thrown by `stream` with the same words `read` would give. */
export class BagViewError extends Error {}

export const isProblem = (value: unknown): value is BagProblem =>
  typeof value === 'object' && value !== null && 'problem' in value;

/** A small file as UTF-8, or why not. A BOM is kept unless `dropBom` (BagIt tag files). */
export async function readBagText(
  view: BagView,
  path: string,
  max: number,
  dropBom = false,
): Promise<string | BagProblem> {
  const bytes = await view.read(path, max);
  if (isProblem(bytes)) return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: !dropBom }).decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8' };
  }
}

/** Limits both views apply to a listing, so a hostile bag is judged the same on both paths. */
export const MAX_BAG_FILES = 100_000;
export const MAX_BAG_DEPTH = 32;

/** Element-wise comparison of paths, which is the order a sorted depth-first walk gives. */
export function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
