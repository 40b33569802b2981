/**
 * The export's refusals and failure paths: no share consent (never given, or withdrawn), a key
 * not in the register, a cancel mid-way, an existing target — each refused with its typed error,
 * with nothing left in the target folder and no `bundle.exported` entry. Also the IPC channel
 * (recipients by id, the folder from the Dialogs port) and the CLI command.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import { catchAppError } from '../../helpers/app-error';
import { ok } from '../../helpers/api';
import { ageKeygen, makeExportVault, SHARE_SCOPES } from '../../helpers/export-vault';
import type { ExportVault } from '../../helpers/export-vault';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { runCliCaptured } from '../../helpers/cli';

const dirs = createTempDirs('svidok-export-');
const open: ExportVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.t.api.shutdown();
  dirs.cleanup();
});

async function vaultWithRecipient() {
  const dir = dirs.make('v');
  const v = await makeExportVault(dir);
  open.push(v);
  const key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  return { v, key, out: dirs.make('out') };
}

const exportedEntries = (v: ExportVault) =>
  v.t.api.services.custody.entries().filter((e) => e.action === 'bundle.exported');

describe('export refusals leave nothing behind', () => {
  it('refuses a testimony without consent to share with the recipient’s class', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony({ scopes: ['interview', 'store_identifying'] });
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [key.publicKey],
        outDir: out,
      }),
    );
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(error.message).toContain('national_prosecutor');
    expect(error.message).not.toContain(t.recordCode);
    expect(readdirSync(out)).toEqual([]);
    expect(exportedEntries(v)).toEqual([]);
  });

  it('refuses after the share scope was withdrawn', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony({ withdrawn: ['share_national_prosecutor'] });
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [key.publicKey],
        outDir: out,
      }),
    );
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a recipient of another class the survivor did not consent to', async () => {
    const { v, out } = await vaultWithRecipient();
    const ngo = ageKeygen(dirs.make('ngo'));
    await v.addRecipient(ngo.publicKey, 'ngo', 'НУО');
    const t = await v.addTestimony({ scopes: SHARE_SCOPES });
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [ngo.publicKey],
        outDir: out,
      }),
    );
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(error.message).toContain('ngo');
  });

  it('refuses a key that is not in the recipient register, and a malformed one', async () => {
    const { v, out } = await vaultWithRecipient();
    const t = await v.addTestimony();
    const stranger = ageKeygen(dirs.make('stranger'));
    const unknown = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [stranger.publicKey],
        outDir: out,
      }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const malformed = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: ['age1notakey'],
        outDir: out,
      }),
    );
    expect(malformed.code).toBe('RECIPIENT_KEY_INVALID');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a cancel after some progress: EXPORT_CANCELLED, no file, no custody entry', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony({ files: [{ name: 'video.bin', bytes: randomBytes(8 << 20) }] });
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [key.publicKey],
        outDir: out,
        signal: controller.signal,
        onProgress: ({ bytes }) => {
          seen.push(bytes);
          if (bytes > 2 << 20) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('EXPORT_CANCELLED');
    expect(seen.some((b) => b > 2 << 20)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    expect(exportedEntries(v)).toEqual([]);
  });

  it('never replaces a file: FILE_EXISTS, the file untouched, no temp file', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony();
    writeFileSync(join(out, 'taken.svidok.age'), 'mine');
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [key.publicKey],
        outDir: out,
        fileName: 'taken.svidok.age',
      }),
    );
    expect(error.code).toBe('FILE_EXISTS');
    expect(readFileSync(join(out, 'taken.svidok.age'), 'utf8')).toBe('mine');
    expect(readdirSync(out)).toEqual(['taken.svidok.age']);
    expect(exportedEntries(v)).toEqual([]);
  });
});

describe('bundle:export over the IPC table', () => {
  it('takes recipients by id, asks main’s dialog for the file, refuses before asking', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony();
    const noShare = await v.addTestimony({ scopes: ['interview', 'store_identifying'] });
    const recipientId = v.t.api.services.recipients.byPublicKey(key.publicKey)!.id;
    v.t.api.shutdown();
    open.splice(open.indexOf(v), 1);

    const asked: string[] = [];
    const api = createApi({
      vaultDir: join(v.dir, 'vault'),
      log: createLogger(memorySink([])),
      vault: { kdf: FAST_KDF },
      dialogs: {
        pickFilesToAttach: async () => [],
        pickFileToOpen: async () => null,
        pickSaveTarget: async (name) => {
          asked.push(name);
          return join(out, name);
        },
      },
    });
    try {
      ok(await api.dispatch('vault:unlock', { passphrase: PASSPHRASE }));
      const refused = await api.dispatch('bundle:export', {
        testimonyIds: [noShare.id],
        recipientIds: [recipientId],
      });
      expect(refused.ok ? null : refused.error.code).toBe('CONSENT_REQUIRED');
      expect(asked).toEqual([]);
      const result = ok(
        await api.dispatch('bundle:export', {
          testimonyIds: [t.id],
          recipientIds: [recipientId],
          lang: 'en',
        }),
      ) as { exported: boolean; bundleId: string; path: string };
      expect(result.exported).toBe(true);
      expect(asked).toEqual([`${result.bundleId}.svidok.age`]);
      expect(readdirSync(out)).toEqual([`${result.bundleId}.svidok.age`]);
      const unknown = await api.dispatch('bundle:export', {
        testimonyIds: [t.id],
        recipientIds: [crypto.randomUUID()],
      });
      expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    } finally {
      api.shutdown();
    }
  });
});

describe('svidok export', () => {
  const cli = (argv: string[]) => runCliCaptured(argv, { env: { SVIDOK_PASSPHRASE: PASSPHRASE } });

  it('exports by record code and recipient name to a folder or a file, and refuses argv passphrases', async () => {
    const { v, key, out } = await vaultWithRecipient();
    const t = await v.addTestimony({ files: [{ name: 'a.bin', bytes: randomBytes(1000) }] });
    const vault = join(v.dir, 'vault');
    v.t.api.shutdown();
    open.splice(open.indexOf(v), 1);

    const byName = await cli([
      'export',
      '--vault',
      vault,
      '--testimony',
      t.recordCode,
      '--recipient',
      'прокурор коваленко',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(byName.err).toBe('');
    expect(byName.code).toBe(0);
    expect(byName.out).toMatch(/^bundle: svidok-\d{8}-[0-9a-f]{8}$/m);
    expect(byName.out).toMatch(/^sha256: [0-9a-f]{64}$/m);

    const file = join(out, 'named.svidok.age');
    const byKey = await cli([
      'export',
      '--vault',
      vault,
      '--testimony',
      t.recordCode,
      '--recipient',
      key.publicKey,
      '--out',
      file,
    ]);
    expect(byKey.code).toBe(0);
    expect(byKey.out.split('\n')[0]).toBe(file);
    expect(readdirSync(out)).toHaveLength(2);

    const passphrase = await cli([
      'export',
      '--vault',
      vault,
      '--testimony',
      t.recordCode,
      '--recipient',
      key.publicKey,
      '--out',
      out,
      '--passphrase',
      PASSPHRASE,
    ]);
    expect(passphrase.code).toBe(2);
    // The value becomes a stray word and is refused too; either way it is never echoed.
    expect(passphrase.err).toMatch(/unknown option --passphrase|too many arguments/);
    expect(passphrase.err).not.toContain(PASSPHRASE);
    expect(readdirSync(out)).toHaveLength(2);

    const unknown = await cli([
      'export',
      '--vault',
      vault,
      '--testimony',
      t.recordCode,
      '--recipient',
      'Nobody',
      '--out',
      out,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/NOT_FOUND/);
  });
});
