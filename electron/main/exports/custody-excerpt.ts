/**
 * data/custody.jsonl: the vault's whole custody chain as one bundle may show it. Entries about the
 * vault itself (testimony null) and about the exported testimonies travel whole, one canonical
 * JSON line each; every maximal run of entries about OTHER testimonies becomes one line
 *
 *   {"hash":"<hash of its last entry>","omitted":[firstSeq,lastSeq],"prev":"<prev of its first>"}
 *
 * so a recipient can still check that each line's `prev` is the previous line's `hash` from the
 * genesis to the last entry, and sees how many entries it was not shown, but learns nothing else
 * about other testimonies (not their ids, actions, times or hashes inside the run).
 *
 * A redacted bundle omits the same way its own testimonies' entries that hash their content
 * (`testimony.revised`, `interview.section_saved`, `testimony.imported`): a section's answers
 * are short and predictable, so their hash would let a reader confirm a guessed name, and the
 * redacted copy could not be checked against it anyway.
 */
import { canonicalJson } from '../vault';
import { toJsonLine } from '../custody';
import type { CustodyEntry } from '../custody';

/** Actions whose details carry a hash of testimony content. */
export const CONTENT_HASH_ACTIONS: ReadonlySet<string> = new Set([
  'testimony.revised',
  'interview.section_saved',
  'testimony.imported',
]);

export interface OmittedRun {
  readonly omitted: readonly [number, number];
  readonly prev: string;
  readonly hash: string;
}

/** The lines of custody.jsonl, each without its newline, in chain order. */
export function custodyExcerptLines(
  entries: readonly CustodyEntry[],
  exported: ReadonlySet<string>,
  redacted: ReadonlySet<string> = new Set(),
): string[] {
  const lines: string[] = [];
  let run: { first: CustodyEntry; last: CustodyEntry } | null = null;
  const flush = () => {
    if (!run) return;
    const line: OmittedRun = {
      omitted: [run.first.seq, run.last.seq],
      prev: run.first.prev,
      hash: run.last.hash,
    };
    lines.push(canonicalJson(line));
    run = null;
  };
  for (const entry of entries) {
    const shown =
      entry.testimony === null ||
      (exported.has(entry.testimony) &&
        !(redacted.has(entry.testimony) && CONTENT_HASH_ACTIONS.has(entry.action)));
    if (shown) {
      flush();
      lines.push(toJsonLine(entry));
    } else if (run) {
      run.last = entry;
    } else {
      run = { first: entry, last: entry };
    }
  }
  flush();
  return lines;
}

/** The file's bytes: one line per entry or run, each ending in LF. */
export function custodyExcerpt(
  entries: readonly CustodyEntry[],
  exported: ReadonlySet<string>,
  redacted: ReadonlySet<string> = new Set(),
): Uint8Array {
  const lines = custodyExcerptLines(entries, exported, redacted);
  return Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
}
