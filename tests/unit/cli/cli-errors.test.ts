/**
 * The CLI's error table: each way a vault can be unusable (a wrong passphrase, a truncated
 * database, an altered header, a missing blob, no vault at all) answers its own typed code as
 * `svidok: CODE: message` on one line with exit status 1 — and leaves the folder as it was, so
 * no command silently replaces a damaged vault with a new empty one.
 */
import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/main/vault';
import type { ErrorCode } from '../../../shared/errors';
import { DESTROY_CONFIRMATION } from '../../../shared/vault-rules';
import { ok, startApi } from '../../helpers/api';
import { consentAnswers } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { runCliCaptured } from '../../helpers/cli';

const dirs = createTempDirs('svidok-cli-errors-');
const templates = createTempDirs('svidok-cli-errors-template-');
afterEach(() => dirs.cleanup());
afterAll(() => templates.cleanup());

const env = { SVIDOK_PASSPHRASE: PASSPHRASE };

const cli = runCliCaptured;

/** A vault (KDF floor) with testimony A-1, consent, and one attachment; made once, copied per test. */
let template: { dir: string; attachmentId: string };
beforeAll(async () => {
  const dir = join(templates.make(), 'vault');
  const t = startApi(dir);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  t.api.shutdown();
  const json = join(templates.make(), 'in.json');
  writeFileSync(
    json,
    JSON.stringify({
      schema: 'svidok.testimony/1',
      recordCode: 'A-1',
      narrative: '',
      sections: { B: consentAnswers() },
    }),
  );
  expect((await cli(['testimony', 'add', '--json', json, '--vault', dir], { env })).code).toBe(0);
  const added = await cli(['attachment', 'add', '--testimony', 'A-1', json, '--vault', dir], {
    env,
  });
  expect(added.code).toBe(0);
  template = { dir, attachmentId: added.out.split('\t')[0]! };
});

/**
 * Runs `argv` on a damaged copy and checks the typed answer and, when the vault could not be
 * opened, that nothing in the folder was changed.
 */
async function expectRefused(
  damage: (vault: string) => void,
  argv: string[],
  code: ErrorCode,
  options: { env?: NodeJS.ProcessEnv; opens?: boolean } = { env },
) {
  const vault = dirs.copyOf(template.dir);
  damage(vault);
  const before = snapshotDir(vault);
  const result = await cli([...argv, '--vault', vault], options);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(new RegExp(`^svidok: ${code}: [^\\n]+$`));
  expect(result.out).toBe('');
  // An opened vault records unlocked … locked in custody; nothing else may change.
  if (!options.opens) expect(snapshotDir(vault)).toEqual(before);
  return result;
}

/** XORs one byte of a file. */
function flipByte(path: string, index: number): void {
  const bytes = readFileSync(path);
  bytes[index] = bytes[index]! ^ 0x01;
  writeFileSync(path, bytes);
}

const list = ['testimony', 'list'];

describe('svidok CLI: each damaged vault answers its own typed error', () => {
  it('a wrong passphrase: WRONG_PASSPHRASE', async () => {
    await expectRefused(() => {}, list, 'WRONG_PASSPHRASE', {
      env: { SVIDOK_PASSPHRASE: 'not the passphrase at all' },
    });
  });

  it('a truncated vault.db (half of it, or empty): VAULT_CORRUPT', async () => {
    const half = (vault: string) => {
      const db = vaultPaths(vault).database;
      truncateSync(db, Math.floor(statSync(db).size / 2));
    };
    await expectRefused(half, list, 'VAULT_CORRUPT');
    await expectRefused(
      (vault) => truncateSync(vaultPaths(vault).database, 0),
      list,
      'VAULT_CORRUPT',
    );
  });

  it('a flipped byte in vault.json: VAULT_CORRUPT, whether the JSON still parses or not', async () => {
    // A digit of createdAt: still valid JSON, caught by the header's MAC.
    const inDate = (vault: string) => {
      const path = vaultPaths(vault).header;
      flipByte(path, readFileSync(path, 'latin1').indexOf('"createdAt": "') + 14);
    };
    const altered = await expectRefused(inDate, list, 'VAULT_CORRUPT');
    expect(altered.err).toMatch(/altered/);
    // The opening brace: no longer JSON at all.
    await expectRefused((vault) => flipByte(vaultPaths(vault).header, 0), list, 'VAULT_CORRUPT');
  });

  it('a deleted blob, then attachment get: ATTACHMENT_MISSING, and no output file', async () => {
    const out = join(dirs.make(), 'out.bin');
    const deleteBlobs = (vault: string) => {
      const blobs = join(vault, 'blobs');
      for (const name of readdirSync(blobs)) rmSync(join(blobs, name), { recursive: true });
    };
    await expectRefused(
      deleteBlobs,
      ['attachment', 'get', template.attachmentId, '--out', out],
      'ATTACHMENT_MISSING',
      { env, opens: true },
    );
    expect(() => statSync(out)).toThrow();
    expect(readdirSync(dirname(out))).toEqual([]);
  });
});

describe('svidok CLI: no vault to open', () => {
  it('a folder with no vault and an empty stdin: VAULT_MISSING, before any passphrase', async () => {
    const vault = join(dirs.make(), 'none');
    for (const argv of [list, ['custody', 'verify'], ['attachment', 'list', 'A-1']]) {
      const result = await cli([...argv, '--vault', vault], { stdin: '' });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^svidok: VAULT_MISSING: [^\n]+$/);
    }
    expect(() => statSync(vault)).toThrow();
  });

  it('a destroyed vault: VAULT_DESTROYED, before any passphrase', async () => {
    const destroy = async (vault: string) => {
      const t = startApi(vault);
      ok(await t.call('vault:destroy', { confirmation: DESTROY_CONFIRMATION }));
      t.api.shutdown();
    };
    const vault = dirs.copyOf(template.dir);
    await destroy(vault);
    const result = await cli([...list, '--vault', vault], { stdin: '' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^svidok: VAULT_DESTROYED: [^\n]+$/);
  });
});
