/**
 * The bag as the tar reader saw it, held in memory: every file's size and digests, and the bytes
 * of the few small files the checks read (tag files, custody log, testimony.json). Nothing is on
 * disk, so there is nothing to follow: the tar reader already refused links and odd types.
 */
import {
  type BagListing,
  type BagProblem,
  type BagView,
  BagViewError,
  type Digests,
  MAX_BAG_DEPTH,
  MAX_BAG_FILES,
  walkOrder,
} from './bag-view';

export interface MemoryEntry {
  /** Bag-relative: the top folder already removed. */
  readonly path: string;
  readonly type: 'file' | 'directory';
  readonly size: number;
  readonly sha256: string;
  readonly sha512: string;
  /** The bytes, for the files that were kept. */
  readonly bytes?: Uint8Array;
}

export function memoryBagView(entries: readonly MemoryEntry[]): BagView {
  const byPath = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, e]));
  // Folders: named by a directory entry, or implied by a file below them.
  const folders = new Set<string>();
  for (const entry of entries) {
    const parts = entry.path.split('/');
    const depth = entry.type === 'directory' ? parts.length : parts.length - 1;
    for (let i = 1; i <= depth; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const notRead = (path: string, max: number): BagProblem | null => {
    const entry = byPath.get(path);
    if (!entry) return { problem: folders.has(path) ? 'not a regular file' : 'missing' };
    if (entry.size > max) return { problem: `larger than ${max} bytes` };
    if (!entry.bytes) return { problem: 'not kept in memory (too large to open in the app)' };
    return null;
  };
  return {
    async listing() {
      return listMemory(byPath, folders);
    },
    async read(path, max) {
      return notRead(path, max) ?? byPath.get(path)!.bytes!;
    },
    async *stream(path) {
      const problem = notRead(path, Number.MAX_SAFE_INTEGER);
      if (problem) throw new BagViewError(problem.problem);
      yield byPath.get(path)!.bytes!;
    },
    async digests(path): Promise<Digests | string> {
      const entry = byPath.get(path);
      return entry ? { sha256: entry.sha256, sha512: entry.sha512 } : 'unreadable (missing)';
    },
    async folders(path) {
      const prefix = `${path}/`;
      return [...folders]
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
        .map((f) => f.slice(prefix.length))
        .sort();
    },
  };
}

/** The same listing the folder view makes from a walk, with the same limits and words. */
function listMemory(
  byPath: ReadonlyMap<string, MemoryEntry>,
  folders: ReadonlySet<string>,
): BagListing {
  const files = new Map<string, number>();
  const odd: Array<{ path: string; detail: string }> = [];
  const tops = [...new Set([...byPath.keys(), ...folders].map((p) => p.split('/')[0]!))]
    .filter((name) => (name === 'data' ? folders.has(name) : byPath.has(name)))
    .sort();
  // A top-level folder other than data/ is not a tag file: reported as the folder view does.
  for (const name of [...folders].filter((f) => !f.includes('/') && f !== 'data').sort()) {
    odd.push({ path: name, detail: 'not a regular file' });
  }
  if (!tops.includes('data')) odd.push({ path: 'data', detail: 'the payload folder is missing' });
  const payload = [...byPath.keys()].filter((p) => p.startsWith('data/')).sort(walkOrder);
  const deep = new Set<string>();
  for (const path of payload) {
    const parts = path.split('/');
    // A file at depth d lies in d-1 folders; the walk stops below MAX_BAG_DEPTH folders.
    if (parts.length - 1 > MAX_BAG_DEPTH) {
      const folder = parts.slice(0, MAX_BAG_DEPTH + 1).join('/');
      if (!deep.has(folder)) odd.push({ path: folder, detail: 'folders nested too deep' });
      deep.add(folder);
    } else if (files.size >= MAX_BAG_FILES) {
      odd.push({ path, detail: 'too many files' });
      break;
    } else files.set(path, byPath.get(path)!.size);
  }
  return { files, tops, odd };
}
