/**
 * The export as a job over the IPC table: while a `bundle:export` call is pending, other calls
 * read its progress (bytes growing toward an estimated total) and cancel it; a second export is
 * refused meanwhile (CONFLICT); a lock of the vault stops it (VAULT_LOCKED). A cancelled or
 * locked-out export leaves no file, no temp file and no custody entry.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/main/api';
import type { Api } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import type { OutputOf, Result } from '../../../shared/ipc';
import { ok } from '../../helpers/api';
import { ageKeygen, makeExportVault } from '../../helpers/export-vault';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-export-jobs-');
const ATTACHMENT_BYTES = 50 << 20;

let api: Api;
let testimonyId: string;
let recipientId: string;
/** Folders the next save dialogs answer with; none left answers "cancelled". */
const saveTargets: string[] = [];
let asked = 0;

beforeAll(async () => {
  const dir = dirs.make('v');
  const v = await makeExportVault(dir);
  const key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  const t = await v.addTestimony({
    files: [{ name: 'video.bin', bytes: randomBytes(ATTACHMENT_BYTES) }],
  });
  testimonyId = t.id;
  recipientId = v.t.api.services.recipients.byPublicKey(key.publicKey)!.id;
  v.t.api.shutdown();
  api = createApi({
    vaultDir: join(dir, 'vault'),
    log: createLogger(memorySink([])),
    vault: { kdf: FAST_KDF },
    dialogs: {
      pickFilesToAttach: async () => [],
      pickFileToOpen: async () => null,
      pickSaveTarget: async (name) => {
        asked++;
        const folder = saveTargets.shift();
        return folder === undefined ? null : join(folder, name);
      },
    },
  });
  ok(await api.dispatch('vault:unlock', { passphrase: PASSPHRASE }));
}, 120_000);

afterAll(() => {
  api.shutdown();
  dirs.cleanup();
});

type ExportResult = Result<OutputOf<'bundle:export'>, string>;
type Progress = OutputOf<'bundle:progress'>;

function startExport(out: string | null): Promise<ExportResult> {
  if (out !== null) saveTargets.push(out);
  return api.dispatch('bundle:export', {
    testimonyIds: [testimonyId],
    recipientIds: [recipientId],
  }) as Promise<ExportResult>;
}

const progress = async () => ok(await api.dispatch('bundle:progress', {})) as Progress;

/** Polls progress until `until` holds or the export settles; returns every reading. */
async function watch(
  running: Promise<ExportResult>,
  until: (p: Progress) => boolean = () => false,
): Promise<Progress[]> {
  let settled = false;
  void running.finally(() => (settled = true));
  const seen: Progress[] = [];
  while (!settled) {
    const p = await progress();
    if (p.running) seen.push(p);
    if (until(p)) break;
    await sleep(10);
  }
  return seen;
}

const codeOf = (r: ExportResult) => (r.ok ? null : r.error.code);
const exportedEntries = () =>
  api.services.custody.entries().filter((e) => e.action === 'bundle.exported');

describe('bundle:progress and bundle:cancel', () => {
  it('reports growing bytes and the files done while a 50 MB export runs, toward its estimate', async () => {
    const out = dirs.make('out');
    expect(await progress()).toEqual({ running: false, bytes: 0, files: 0 });
    const running = startExport(out);
    const seen = await watch(running);
    const result = ok(await running);
    expect(result.exported).toBe(true);

    const bytes = seen.map((p) => p.bytes);
    expect(new Set(bytes).size).toBeGreaterThan(3);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(Math.max(...bytes)).toBeGreaterThan(ATTACHMENT_BYTES / 2);
    expect(Math.max(...seen.map((p) => p.files))).toBeGreaterThan(0);
    // The estimate is there from the start and close: within 2% above what was written.
    const last = seen.at(-1)!;
    expect(seen.every((p) => p.totalBytes !== undefined && p.totalBytes >= p.bytes)).toBe(true);
    expect(last.totalBytes! / last.bytes).toBeLessThan(1.02);
    expect(await progress()).toEqual({ running: false, bytes: 0, files: 0 });
  });

  it('a cancel mid-way: EXPORT_CANCELLED, nothing in the folder, no custody entry', async () => {
    const out = dirs.make('out');
    const before = exportedEntries().length;
    const running = startExport(out);
    await watch(running, (p) => p.bytes > 8 << 20);
    expect(ok(await api.dispatch('bundle:cancel', {}))).toEqual({ cancelled: true });
    expect(codeOf(await running)).toBe('EXPORT_CANCELLED');
    expect(readdirSync(out)).toEqual([]);
    expect(exportedEntries()).toHaveLength(before);
    expect(await progress()).toEqual({ running: false, bytes: 0, files: 0 });
    expect(ok(await api.dispatch('bundle:cancel', {}))).toEqual({ cancelled: false });
  });

  it('refuses a second export while one runs (CONFLICT), without asking where to save', async () => {
    const out = dirs.make('out');
    const other = dirs.make('other');
    const running = startExport(out);
    await watch(running, (p) => p.bytes > 0);
    const askedBefore = asked;
    const second = await startExport(other);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(asked).toBe(askedBefore);
    saveTargets.splice(0);
    // The first goes on undisturbed, and the slot is free again after it.
    const first = ok(await running);
    expect(first.exported).toBe(true);
    expect(readdirSync(other)).toEqual([]);
    expect(readdirSync(out)).toHaveLength(1);
    // A cancelled save dialog frees the slot too.
    expect(ok(await startExport(null))).toEqual({ exported: false });
    expect((await progress()).running).toBe(false);
  });

  it('a lock during the export stops it: VAULT_LOCKED, nothing in the folder, no custody entry', async () => {
    const out = dirs.make('out');
    const before = exportedEntries().length;
    const running = startExport(out);
    await watch(running, (p) => p.bytes > 8 << 20);
    ok(await api.dispatch('vault:lock', {}));
    expect(codeOf(await running)).toBe('VAULT_LOCKED');
    expect(readdirSync(out)).toEqual([]);
    expect(await progress()).toEqual({ running: false, bytes: 0, files: 0 });
    ok(await api.dispatch('vault:unlock', { passphrase: PASSPHRASE }));
    expect(exportedEntries()).toHaveLength(before);
  });
});
