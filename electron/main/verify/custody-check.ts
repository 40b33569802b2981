/**
 * data/custody.jsonl as a recipient checks it, streamed line by line: the vault's chain in order,
 * full entries for what the bundle is about and, for other testimonies' entries, one line per run
 * that keeps the chain linkable without disclosing them:
 *
 *   {"hash":"<hash of the run's last entry>","omitted":[firstSeq,lastSeq],"prev":"<prev of its first>"}
 *
 * Each full entry's hash is recomputed from signedBytes and its Ed25519 signature checked with
 * its `key`, which must be the bundle's device key. Every line's `prev` must be the hash of the
 * line before (GENESIS_HASH for the first), and seqs run on without a gap. An omitted run's own
 * hash cannot be recomputed; it is checked by the next line linking to it. The first bad line is
 * reported by its seq and reason, and nothing after it: once the chain breaks, later lines prove
 * nothing.
 */
import { type BagView, BagViewError } from '../bundles';
import { GENESIS_HASH, sha256Hex, signedBytes } from '../custody';
import type { CustodyEntry } from '../custody';
import { loadSodium } from '../vault';
import type { DeviceKey } from './device-key';
import { boundedLines, TooLong } from './lines';
import type { Checks } from './report';

export const CUSTODY_FILE = 'data/custody.jsonl';
/** Real entries are a few hundred bytes; details hold hashes, sizes and ids only. */
export const MAX_CUSTODY_LINE_BYTES = 64 * 1024;

export type CustodyProblem = 'malformed' | 'link' | 'seq' | 'hash' | 'key' | 'vault' | 'signature';

/** What the testimony checks need from the chain, once it verified. */
export interface CustodyFacts {
  /** Testimony ids that have at least one full entry. */
  readonly testimonies: ReadonlySet<string>;
  /** attachment id → SHA-256 recorded at intake (attachment.added). */
  readonly intakeHashes: ReadonlyMap<string, string>;
}

const HEX64 = /^[0-9a-f]{64}$/u;
const ENTRY_KEYS = [
  'action',
  'at',
  'attachment',
  'details',
  'hash',
  'id',
  'key',
  'prev',
  'seq',
  'sig',
  'testimony',
  'v',
  'vault',
].join(',');

interface Omitted {
  readonly hash: string;
  readonly first: number;
  readonly last: number;
  readonly prev: string;
}

class Bad extends Error {
  constructor(
    readonly where: string,
    readonly problem: CustodyProblem,
    why: string,
  ) {
    super(why);
  }
}

/** Adds the 'custody' check; returns the facts when the whole chain verified, else null. */
export async function checkCustody(
  view: BagView,
  deviceKey: DeviceKey | null,
  checks: Checks,
): Promise<CustodyFacts | null> {
  const sodium = await loadSodium();
  const keyB64 = deviceKey ? Buffer.from(deviceKey.publicKey).toString('base64') : null;
  const testimonies = new Set<string>();
  const intakeHashes = new Map<string, string>();
  let prev = GENESIS_HASH;
  let nextSeq = 1;
  let full = 0;
  let omitted = 0;
  let vault: string | undefined;
  let lineNo = 0;
  try {
    for await (const text of boundedLines(view, CUSTODY_FILE, MAX_CUSTODY_LINE_BYTES)) {
      lineNo++;
      const where = `line ${lineNo}`;
      if (text.trim() === '') throw new Bad(where, 'malformed', 'an empty line');
      const line = parseLine(text, where);
      if ('omitted' in line) {
        const run = line.omitted;
        const at = `seq ${run.first}-${run.last}`;
        if (run.prev !== prev) throw new Bad(at, 'link', linkWhy(nextSeq));
        if (run.first !== nextSeq) throw new Bad(at, 'seq', `expected seq ${nextSeq}`);
        prev = run.hash;
        nextSeq = run.last + 1;
        omitted += run.last - run.first + 1;
        continue;
      }
      const entry = line.entry;
      const at = `seq ${entry.seq}`;
      if (entry.prev !== prev) throw new Bad(at, 'link', linkWhy(nextSeq));
      if (entry.seq !== nextSeq) throw new Bad(at, 'seq', `expected seq ${nextSeq}`);
      const bytes = signedBytes(entry);
      if (sha256Hex(bytes) !== entry.hash) {
        throw new Bad(at, 'hash', 'its hash does not match its content');
      }
      if (keyB64 === null || entry.key !== keyB64) {
        throw new Bad(at, 'key', 'not signed with the device key of this bundle');
      }
      vault ??= entry.vault;
      if (entry.vault !== vault) throw new Bad(at, 'vault', 'an entry of another vault');
      const sig = Buffer.from(entry.sig, 'base64');
      const signed =
        sig.length === 64 &&
        sig.toString('base64') === entry.sig &&
        sodium.crypto_sign_verify_detached(sig, bytes, deviceKey!.publicKey);
      if (!signed) throw new Bad(at, 'signature', 'the Ed25519 signature does not verify');
      if (entry.testimony !== null) testimonies.add(entry.testimony);
      const intake = entry.details['sha256'];
      if (entry.action === 'attachment.added' && entry.attachment && typeof intake === 'string') {
        intakeHashes.set(entry.attachment, intake);
      }
      prev = entry.hash;
      nextSeq = entry.seq + 1;
      full++;
    }
  } catch (error) {
    if (error instanceof Bad) {
      checks.add(
        'custody',
        false,
        `${CUSTODY_FILE}: ${error.where}: ${error.problem} (${error.message})`,
      );
      return null;
    }
    const why =
      error instanceof TooLong
        ? `line ${lineNo + 1} is longer than ${MAX_CUSTODY_LINE_BYTES} bytes`
        : error instanceof TypeError
          ? `line ${lineNo + 1} is not UTF-8`
          : // Only the in-memory view refuses a file for its size; say so rather than "missing".
            error instanceof BagViewError && error.message.startsWith('not kept')
            ? error.message
            : 'missing or unreadable';
    checks.add('custody', false, `${CUSTODY_FILE}: ${why}`);
    return null;
  }
  if (lineNo === 0) {
    checks.add('custody', false, `${CUSTODY_FILE}: empty`);
    return null;
  }
  checks.add(
    'custody',
    true,
    `${CUSTODY_FILE}: seq 1-${nextSeq - 1} chained from genesis, ${full} entries signed by the ` +
      `device key, ${omitted} of other testimonies omitted; head ${prev}`,
  );
  return { testimonies, intakeHashes };
}

const linkWhy = (seq: number): string =>
  seq === 1
    ? 'the first line does not start from genesis'
    : `its prev is not the hash of the line before (seq ${seq - 1})`;

function parseLine(text: string, where: string): { entry: CustodyEntry } | { omitted: Omitted } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Bad(where, 'malformed', 'not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Bad(where, 'malformed', 'not a JSON object');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (keys === 'hash,omitted,prev') {
    const run = record['omitted'];
    const [first, last] = Array.isArray(run) && run.length === 2 ? run : [];
    if (
      !isSeq(first) ||
      !isSeq(last) ||
      first > last ||
      !isHash(record['hash']) ||
      !isHash(record['prev'])
    ) {
      throw new Bad(where, 'malformed', 'an unreadable omitted run');
    }
    return { omitted: { first, last, hash: record['hash'], prev: record['prev'] } };
  }
  // Unknown keys are refused: they would travel unsigned next to signed fields.
  const seq = record['seq'];
  const at = isSeq(seq) ? `seq ${seq}` : where;
  if (keys !== ENTRY_KEYS || !isEntry(record)) {
    throw new Bad(at, 'malformed', 'not a custody entry');
  }
  return { entry: record };
}

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

const isHash = (value: unknown): value is string => typeof value === 'string' && HEX64.test(value);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 1000;
const isTextOrNull = (value: unknown): boolean => value === null || isText(value);

function isEntry(
  record: Record<string, unknown>,
): record is CustodyEntry & Record<string, unknown> {
  const details = record['details'];
  const flat =
    details !== null &&
    typeof details === 'object' &&
    !Array.isArray(details) &&
    Object.values(details).every(
      (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
    );
  return (
    typeof record['v'] === 'number' &&
    isSeq(record['seq']) &&
    isText(record['id']) &&
    isText(record['at']) &&
    isText(record['vault']) &&
    isText(record['action']) &&
    isTextOrNull(record['testimony']) &&
    isTextOrNull(record['attachment']) &&
    flat &&
    isHash(record['prev']) &&
    isHash(record['hash']) &&
    isText(record['key']) &&
    isText(record['sig'])
  );
}
