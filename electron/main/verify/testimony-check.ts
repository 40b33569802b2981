/**
 * The testimonies in a bag: each data/testimonies/<code>/testimony.json parses, declares the
 * schema this verifier knows, has custody entries in the chain, and lists its attachments with the
 * SHA-256 the payload manifest gives them (and the custody log recorded at intake, when the entry
 * travels with the bundle). A file under attachments/ that the testimony does not list is reported
 * too: nothing in a bag should be unexplained.
 */
import { TESTIMONY_SCHEMA_V2 } from '../../../shared/testimony-json';
import { bagPayloadPath, decodeManifestPath } from '../bundles';
import type { BagView } from '../bundles';
import type { CustodyFacts } from './custody-check';
import { readSmallText } from './lines';
import type { Checks } from './report';

const MAX_TESTIMONY_JSON_BYTES = 8 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_TESTIMONIES = 10_000;
const HEX64 = /^[0-9a-f]{64}$/u;

/** path ("data/…") → SHA-256, from manifest-sha256.txt (already checked line by line by readBag). */
export async function manifestHashes(view: BagView): Promise<Map<string, string>> {
  const text = await readSmallText(view, 'manifest-sha256.txt', MAX_MANIFEST_BYTES);
  const map = new Map<string, string>();
  for (const line of (text ?? '').split(/\r?\n/u)) {
    const match = /^([0-9a-fA-F]{64})[ \t]+(.+)$/u.exec(line);
    if (match?.[1] && match[2]) map.set(decodeManifestPath(match[2]), match[1].toLowerCase());
  }
  return map;
}

export async function checkTestimonies(
  view: BagView,
  custody: CustodyFacts | null,
  checks: Checks,
): Promise<void> {
  const root = 'data/testimonies';
  const codes = await view.folders(root);
  if (codes.length === 0 || codes.length > MAX_TESTIMONIES) {
    checks.add('testimony-json', false, `${root}: no testimony folder (or far too many)`);
    return;
  }
  const manifest = await manifestHashes(view);
  for (const code of codes) {
    const folder = `${root}/${code}`;
    const file = `${folder}/testimony.json`;
    const text = await readSmallText(view, file, MAX_TESTIMONY_JSON_BYTES);
    let doc: unknown;
    try {
      doc = text === null ? undefined : JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      checks.add('testimony-json', false, `${file}: missing, too large or not a JSON object`);
      continue;
    }
    const record = doc as Record<string, unknown>;
    if (record['schema'] !== TESTIMONY_SCHEMA_V2) {
      const schema = JSON.stringify(String(record['schema']).slice(0, 60));
      checks.add(
        'testimony-json',
        false,
        `${file}: schema ${schema}, expected ${TESTIMONY_SCHEMA_V2}`,
      );
      continue;
    }
    const id = record['id'];
    if (custody && typeof id === 'string' && !custody.testimonies.has(id)) {
      checks.add(
        'testimony-json',
        false,
        `${file}: testimony ${id} has no entry in the custody log`,
      );
      continue;
    }
    const problems = checkAttachments(folder, record['attachments'], manifest, custody);
    const listed = problems.listed;
    for (const path of manifest.keys()) {
      if (path.startsWith(`${folder}/attachments/`) && !listed.has(path)) {
        problems.list.push(`${path}: in the bag but not listed in testimony.json`);
      }
    }
    for (const problem of problems.list) checks.add('testimony-json', false, `${file}: ${problem}`);
    if (problems.list.length === 0) {
      checks.add(
        'testimony-json',
        true,
        `${file}: ${TESTIMONY_SCHEMA_V2}, ${listed.size} attachment(s) match the manifest`,
      );
    }
  }
}

/**
 * Each listed attachment must name a file of the bag whose manifest SHA-256 is the one listed.
 * Where the file is: `path` (bag-relative "data/…" or relative to the testimony folder), else
 * `attachments/<fileName>` made safe the way the bag writer does.
 */
function checkAttachments(
  folder: string,
  attachments: unknown,
  manifest: ReadonlyMap<string, string>,
  custody: CustodyFacts | null,
): { list: string[]; listed: Set<string> } {
  const list: string[] = [];
  const listed = new Set<string>();
  if (attachments === undefined) return { list, listed };
  if (!Array.isArray(attachments)) return { list: ['"attachments" is not a list'], listed };
  attachments.forEach((item: unknown, index) => {
    const a = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const label = `attachment ${index + 1}`;
    const sha256 = a['sha256'];
    if (typeof sha256 !== 'string' || !HEX64.test(sha256)) {
      return void list.push(`${label}: no SHA-256`);
    }
    const path = locate(folder, a).find((candidate) => manifest.has(candidate));
    if (path === undefined) return void list.push(`${label}: its file is not in the manifest`);
    listed.add(path);
    if (manifest.get(path) !== sha256) {
      return void list.push(`${path}: SHA-256 differs from manifest-sha256.txt`);
    }
    const id = a['id'];
    const intake = typeof id === 'string' ? custody?.intakeHashes.get(id) : undefined;
    // A redacted rendering carries its own hash; the original it came from is the intake's.
    const derived = a['derived'] as { from?: unknown } | undefined;
    const claimed = typeof derived?.from === 'string' ? derived.from : sha256;
    if (intake !== undefined && intake !== claimed) {
      list.push(`${path}: SHA-256 differs from the intake hash in the custody log`);
    }
  });
  return { list, listed };
}

function locate(folder: string, a: Record<string, unknown>): string[] {
  const candidates: string[] = [];
  for (const key of ['path', 'file']) {
    const value = a[key];
    if (typeof value !== 'string' || value.length > 4096) continue;
    candidates.push(value.startsWith('data/') ? value : `${folder}/${value}`);
  }
  const name = a['fileName'] ?? a['name'];
  if (typeof name === 'string' && name.length <= 4096) {
    try {
      candidates.push(`${folder}/attachments/${bagPayloadPath(name)}`);
    } catch {
      // A name the bag writer would refuse cannot be in the bag: no candidate.
    }
  }
  return candidates;
}
