/**
 * A full disk, and writes that fail: the user is told DISK_FULL, nothing half-written is left, and
 * what was saved before is intact. The failures are real — a tiny tmpfs filled to the brim where
 * the machine allows mounting one, SQLite's own page limit, and a rename the OS refuses — never
 * a mocked fs.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { toStorageError, writeFileAtomic } from '../../electron/main/files';
import { createLogger, memorySink } from '../../electron/main/log';
import { Vault, VaultService } from '../../electron/main/vault';
import { err, ok, startApi } from '../helpers/api';
import { catchAppError, catchAppErrorSync } from '../helpers/app-error';
import { recordConsent } from '../helpers/consent';
import { FAST_KDF, PASSPHRASE } from '../helpers/kdf';
import { createTempDirs } from '../helpers/temp';
import { fillDisk, mountTmpfs, tmpfsAvailable, unmountTmpfs } from '../helpers/tmpfs';

const dirs = createTempDirs();
const mounts: string[] = [];
const apis: Array<{ shutdown(): void }> = [];
afterEach(() => {
  for (const api of apis.splice(0)) api.shutdown();
  for (const dir of mounts.splice(0)) unmountTmpfs(dir);
  dirs.cleanup();
});

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('toStorageError', () => {
  it.each(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE'])(
    '%s -> DISK_FULL, keeping the original as its cause',
    (code) => {
      const original = Object.assign(new Error(`write failed: /secret/path ${code}`), { code });
      const mapped = toStorageError(original);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe('DISK_FULL');
      expect((mapped as AppError).cause).toBe(original);
      expect((mapped as AppError).message).not.toContain('/secret/path');
    },
  );

  it.each([
    ['EACCES', Object.assign(new Error('x'), { code: 'EACCES' })],
    ['SQLITE_BUSY', Object.assign(new Error('x'), { code: 'SQLITE_BUSY' })],
    ['SQLITE_IOERR_WRITE', Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' })],
    ['an AppError', new AppError('CONFLICT', 'x')],
    ['an error without a code', new Error('ENOSPC in the message only')],
    ['null', null],
    ['a string', 'ENOSPC'],
  ])('%s is returned unchanged', (_name, error) => {
    expect(toStorageError(error)).toBe(error);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the target whole, owner-only, and leaves no temp file', () => {
    const dir = dirs.make();
    const target = join(dir, 'vault.json');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new contents ✓');
    expect(readFileSync(target, 'utf8')).toBe('new contents ✓');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a rename the OS refuses (target is a folder): the error is thrown, the temp file removed, the target untouched', () => {
    const dir = dirs.make();
    const target = join(dir, 'vault.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeFileAtomic(target, 'x'.repeat(10_000))).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^E(ISDIR|EXIST|NOTEMPTY|PERM)$/) }),
    );
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['vault.json']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('a missing parent folder: ENOENT, nothing created', () => {
    const dir = dirs.make();
    expect(() => writeFileAtomic(join(dir, 'missing', 'vault.json'), 'x')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('SQLite refuses to grow (max_page_count): a save fails with DISK_FULL, nothing changes', () => {
  it('through the API: DISK_FULL, and after lock and unlock the last saved text is intact', async () => {
    const { api, call } = startApi(dirs.make());
    apis.push(api);
    ok(await call('vault:create', { passphrase: PASSPHRASE }));
    const t = ok(await call('testimony:create', { recordCode: 'UA-FULL-1' }));
    await recordConsent(api, t.id);
    ok(await call('testimony:saveNarrative', { id: t.id, narrative: 'kept', baseRevision: 0 }));

    const db = api.vault.database();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = 'Ї'.repeat(300_000);
    const full = err(
      await call('testimony:saveNarrative', { id: t.id, narrative: big, baseRevision: 1 }),
    );
    expect(full.code).toBe('DISK_FULL');

    ok(await call('vault:lock', {}));
    ok(await call('vault:unlock', { passphrase: PASSPHRASE }));
    expect(ok(await call('testimony:get', { id: t.id }))).toMatchObject({
      narrative: 'kept',
      revision: 1,
    });
    expect(ok(await call('testimony:list', {})).items).toHaveLength(1);
    expect(api.vault.database().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe.skipIf(!tmpfsAvailable)('a real full disk (tiny tmpfs)', () => {
  function tinyDisk(sizeKiB: number): string {
    const dir = dirs.make('tmpfs');
    mountTmpfs(dir, sizeKiB);
    mounts.push(dir);
    return dir;
  }

  it('writeFileAtomic: ENOSPC -> DISK_FULL, the old file intact, no temp file left', () => {
    const disk = tinyDisk(64);
    const target = join(disk, 'vault.json');
    writeFileSync(target, 'the old header');
    fillDisk(join(disk, 'filler'), 8 * 1024);
    const error = catchAppErrorSync(() => writeFileAtomic(target, Buffer.alloc(256 * 1024, 1)));
    expect(error.code).toBe('DISK_FULL');
    expect((error.cause as { code?: string }).code).toBe('ENOSPC');
    expect(readFileSync(target, 'utf8')).toBe('the old header');
    expect(leftovers(disk)).toEqual([]);
  });

  it.each([
    ['no room at all', 0],
    ['room for a few pages', 24 * 1024],
    ['room for more, still not enough', 48 * 1024],
  ])(
    'creating a vault with %s -> DISK_FULL, no half-made vault left (regression), and it works once space is freed',
    async (_name, leaveFree) => {
      const disk = tinyDisk(512);
      const filler = join(disk, 'filler');
      fillDisk(filler, leaveFree);
      const vaultDir = join(disk, 'vault');
      const service = new VaultService(vaultDir, createLogger(memorySink([])), { kdf: FAST_KDF });

      expect((await catchAppError(() => service.create(PASSPHRASE))).code).toBe('DISK_FULL');
      // Neither VAULT_EXISTS on the next create nor VAULT_MISSING on unlock: it is simply absent.
      expect(service.state()).toBe('absent');
      expect(readdirSync(vaultDir)).toEqual([]);

      rmSync(filler);
      expect((await service.create(PASSPHRASE)).state).toBe('unlocked');
      service.lock();
      const vault = await Vault.open(vaultDir, PASSPHRASE);
      vault.close();
    },
  );

  it('a save on a disk that fills up -> DISK_FULL; after space is freed every acknowledged save is there', async () => {
    const disk = tinyDisk(2048);
    const vaultDir = join(disk, 'vault');
    const { api, call } = startApi(vaultDir);
    apis.push(api);
    ok(await call('vault:create', { passphrase: PASSPHRASE }));
    const t = ok(await call('testimony:create', { recordCode: 'UA-FULL-2' }));
    await recordConsent(api, t.id);

    const filler = join(disk, 'filler');
    fillDisk(filler, 448 * 1024); // room for a first save with its search index and custody entry
    // Save ever longer texts until the disk refuses one; every save acknowledged before must last.
    let acknowledged = { narrative: '', revision: 0 };
    let refused = false;
    for (let i = 1; i <= 64 && !refused; i++) {
      const narrative = `${randomUUID()} ${'Свідчення. '.repeat(1500 * i)}`;
      const result = await call('testimony:saveNarrative', {
        id: t.id,
        narrative,
        baseRevision: acknowledged.revision,
      });
      if (result.ok) acknowledged = { narrative, revision: result.value.revision };
      else {
        expect(result.error.code).toBe('DISK_FULL');
        refused = true;
      }
    }
    expect(refused).toBe(true);
    expect(acknowledged.revision).toBeGreaterThan(0);

    rmSync(filler);
    ok(await call('vault:lock', {}));
    ok(await call('vault:unlock', { passphrase: PASSPHRASE }));
    const back = ok(await call('testimony:get', { id: t.id }));
    expect(back.revision).toBe(acknowledged.revision);
    expect(back.narrative === acknowledged.narrative).toBe(true);
    expect(api.vault.database().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
