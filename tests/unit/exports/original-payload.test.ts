/**
 * The digests an export writes for an attachment's original bytes. Since migration 0010 intake
 * takes SHA-256 and SHA-512 together and an export lists them without hashing again: what
 * vouches for the bytes is the blob's authenticated decryption, so a changed blob must still stop
 * the export (ATTACHMENT_CORRUPT, nothing left, nothing recorded). An attachment from before the
 * migration (sha512 NULL) is hashed on its way into the bag, and its SHA-256 must still equal the
 * intake hash. The bag is read back with the age CLI and tar, as a recipient would.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catchAppError } from '../../helpers/app-error';
import { ageKeygen, makeExportVault } from '../../helpers/export-vault';
import type { AgeKey, ExportVault } from '../../helpers/export-vault';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-original-payload-');
const open: ExportVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.t.api.shutdown();
  dirs.cleanup();
});

const hex = (algorithm: string, bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest('hex');

const FILES = [
  { name: 'a.bin', bytes: randomBytes(200 * 1024 + 7) },
  { name: 'b.bin', bytes: randomBytes(200 * 1024 + 7) },
];

async function setup() {
  const dir = dirs.make('v');
  const v = await makeExportVault(dir);
  open.push(v);
  const key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  const t = await v.addTestimony({ files: FILES });
  return { v, key, t, blob: (id: string) => join(v.t.api.vault.dir, 'blobs', `${id}.blob`) };
}

function exportOnce(v: ExportVault, key: AgeKey, testimonyId: string) {
  const outDir = dirs.make('out');
  const done = v.t.api.services.exports.exportBundle({
    testimonyIds: [testimonyId],
    recipients: [key.publicKey],
    outDir,
  });
  return { outDir, done };
}

/** The manifests of a sealed bundle, opened with the age CLI and tar: path → [sha256, sha512]. */
function manifests(path: string, key: AgeKey): Map<string, [string, string]> {
  const work = dirs.make('recipient');
  execFileSync('age', ['-d', '-i', key.file, '-o', join(work, 'b.tar'), path]);
  execFileSync('tar', ['-xf', join(work, 'b.tar'), '-C', work]);
  const [bag = ''] = readdirSync(work).filter((n) => n !== 'b.tar');
  const read = (name: string) =>
    new Map(
      readFileSync(join(work, bag, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => [line.slice(line.indexOf('  ') + 2), line.slice(0, line.indexOf('  '))]),
    );
  const sha256 = read('manifest-sha256.txt');
  const sha512 = read('manifest-sha512.txt');
  return new Map([...sha256].map(([p, h]) => [p, [h, sha512.get(p) ?? '']]));
}

/** Makes a row look as one taken in before migration 0010; rows are append-only otherwise. */
function asLegacyRow(v: ExportVault, id: string, sha256?: string): void {
  const db = v.t.api.vault.database();
  const trigger = (
    db.prepare("SELECT sql FROM sqlite_master WHERE name = 'attachment_no_update'").get() as {
      sql: string;
    }
  ).sql;
  db.exec('DROP TRIGGER attachment_no_update');
  db.prepare('UPDATE attachment SET sha512 = NULL, sha256 = coalesce(?, sha256) WHERE id = ?').run(
    sha256 ?? null,
    id,
  );
  db.exec(trigger);
}

describe('the digests of original attachments in a bundle', () => {
  it('intake records the SHA-512 beside the SHA-256, and the bundle lists both', async () => {
    const { v, key, t } = await setup();
    for (const [i, a] of t.attachments.entries()) {
      expect(a.sha256).toBe(hex('sha256', FILES[i]!.bytes));
      expect(v.t.api.services.attachments.sha512(a.id)).toBe(hex('sha512', FILES[i]!.bytes));
    }
    const { done } = exportOnce(v, key, t.id);
    const listed = [...manifests((await done).path, key)].filter(([p]) => p.endsWith('.bin'));
    expect(listed.map(([, digests]) => digests)).toEqual(
      FILES.map((f) => [hex('sha256', f.bytes), hex('sha512', f.bytes)]),
    );
  });

  it('an attachment from before SHA-512 was recorded is hashed on its way, and lists true digests', async () => {
    const { v, key, t } = await setup();
    const [first] = t.attachments;
    asLegacyRow(v, first!.id);
    expect(v.t.api.services.attachments.sha512(first!.id)).toBeUndefined();
    const { done } = exportOnce(v, key, t.id);
    const listed = [...manifests((await done).path, key)].filter(([p]) => p.endsWith('.bin'));
    expect(listed.map(([, digests]) => digests)).toEqual(
      FILES.map((f) => [hex('sha256', f.bytes), hex('sha512', f.bytes)]),
    );
  });

  it('such an attachment whose bytes differ from its intake hash: ATTACHMENT_CORRUPT', async () => {
    const { v, key, t } = await setup();
    asLegacyRow(v, t.attachments[1]!.id, 'f'.repeat(64));
    const { outDir, done } = exportOnce(v, key, t.id);
    expect((await catchAppError(() => done)).code).toBe('ATTACHMENT_CORRUPT');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it.each([
    ['a flipped byte in the middle of a blob', 'flip'],
    ['a blob replaced by another attachment’s blob of the same size', 'swap'],
  ])('%s: ATTACHMENT_CORRUPT, nothing left, nothing recorded', async (_name, how) => {
    const { v, key, t, blob } = await setup();
    const [a, b] = t.attachments;
    if (how === 'flip') {
      const bytes = readFileSync(blob(b!.id));
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      writeFileSync(blob(b!.id), bytes);
    } else {
      writeFileSync(blob(b!.id), readFileSync(blob(a!.id)));
    }
    const { outDir, done } = exportOnce(v, key, t.id);
    expect((await catchAppError(() => done)).code).toBe('ATTACHMENT_CORRUPT');
    expect(readdirSync(outDir)).toEqual([]);
    const exported = v.t.api.services.custody
      .entries()
      .filter((e) => e.action === 'bundle.exported');
    expect(exported).toEqual([]);
  });
});
