/**
 * The recovery key opens the vault when the passphrase is lost: handed out once at creation,
 * stored nowhere, and a wrong or mistyped key is refused with its own typed error, leaving the
 * folder as it was. Vaults made before recovery slots existed (version 1, passphrase slot only)
 * still open with their passphrase.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  parseRecoveryKey,
  Vault,
  VaultService,
  vaultPaths,
} from '../../../electron/main/vault';
import { createLogger, memorySink } from '../../../electron/main/log';
import { headerMacInput, serializeHeader } from '../../../electron/main/vault/header';
import { deriveSubkey } from '../../../electron/main/vault/subkeys';
import { catchAppError } from '../../helpers/app-error';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { readHeaderJson } from '../../helpers/vault';
import { createRecoveryTemplate, recoverySlot } from './recovery-template';
import type { RecoveryTemplate } from './recovery-template';

const dirs = createTempDirs();
const templates = createTempDirs();
afterEach(() => dirs.cleanup());
afterAll(() => templates.cleanup());

const SEEDED_CODE = 'UA-RECOVERY-1';
let template: RecoveryTemplate;
beforeAll(async () => {
  template = await createRecoveryTemplate(templates, (db) => {
    db.prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)').run(
      randomUUID(),
      SEEDED_CODE,
      '2026-01-01T00:00:00.000Z',
    );
  });
});

const codes = (vault: Vault) =>
  (
    vault.db.prepare('SELECT record_code FROM testimony').all() as Array<{ record_code: string }>
  ).map((r) => r.record_code);

describe('recovery key at creation', () => {
  it('Vault.create hands the printed key out once; a reopened vault has none to give', async () => {
    const dir = dirs.make();
    const vault = await Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF });
    const key = vault.takeRecoveryKey();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){11}$/);
    expect(vault.takeRecoveryKey()).toBeUndefined();
    vault.close();
    const reopened = await Vault.open(dir, PASSPHRASE);
    expect(reopened.takeRecoveryKey()).toBeUndefined();
    reopened.close();
  });

  it('VaultService.create returns { state, recoveryKey }, and the key is in no file and no log', async () => {
    const dir = dirs.make();
    const lines: string[] = [];
    const service = new VaultService(dir, createLogger(memorySink(lines)), { kdf: FAST_KDF });
    const created = await service.create(PASSPHRASE);
    expect(created.state).toBe('unlocked');
    service.lock();
    const key = parseRecoveryKey(created.recoveryKey);
    const needles = [
      Buffer.from(created.recoveryKey),
      Buffer.from(created.recoveryKey.replaceAll('-', '')),
      Buffer.from(key),
      Buffer.from(Buffer.from(key).toString('base64')),
      Buffer.from(Buffer.from(key).toString('hex')),
    ];
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(`${dir}/${name}`);
      for (const needle of needles) expect(bytes.includes(needle), name).toBe(false);
    }
    const log = lines.join('\n');
    expect(log).not.toContain(created.recoveryKey);
    expect(log).not.toContain(created.recoveryKey.slice(0, 11));
  });

  it('every vault gets its own recovery key', async () => {
    const a = await Vault.create(dirs.make(), PASSPHRASE, { kdf: FAST_KDF });
    const b = await Vault.create(dirs.make(), PASSPHRASE, { kdf: FAST_KDF });
    expect(a.takeRecoveryKey()).not.toBe(b.takeRecoveryKey());
    a.close();
    b.close();
  });

  it('the header holds one recovery slot beside the passphrase slot, with no cost fields', () => {
    const header = readHeaderJson(template.dir);
    expect(header.version).toBe(1);
    expect(header.slots.map((s) => s.kind)).toEqual(['passphrase', 'recovery']);
    expect(Object.keys(recoverySlot(header)).sort()).toEqual(['id', 'kind', 'nonce', 'wrappedKey']);
  });
});

describe('unlock with the recovery key', () => {
  it('round trip: create, lock, unlock with the recovery key, the data is there', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.openWithRecoveryKey(dir, template.recoveryKey);
    try {
      expect(vault.header.vaultId).toBe(template.vaultId);
      expect(codes(vault)).toEqual([SEEDED_CODE]);
    } finally {
      vault.close();
    }
  });

  it('as typed by a person: lower case, spaces, O for 0 and L for 1', async () => {
    const dir = dirs.copyOf(template.dir);
    const typed = template.recoveryKey
      .toLowerCase()
      .replaceAll('-', ' ')
      .replaceAll('0', 'o')
      .replaceAll('1', 'l');
    const vault = await Vault.openWithRecoveryKey(dir, typed);
    vault.close();
  });

  it('VaultService.unlockWithRecoveryKey: locked -> unlocked, logged by method, key not logged', async () => {
    const dir = dirs.copyOf(template.dir);
    const lines: string[] = [];
    const service = new VaultService(dir, createLogger(memorySink(lines)));
    expect(await service.unlockWithRecoveryKey(template.recoveryKey)).toBe('unlocked');
    expect(service.state()).toBe('unlocked');
    service.lock();
    expect(lines.join('\n')).toContain('recovery_key');
    expect(lines.join('\n')).not.toContain(template.recoveryKey.slice(0, 11));
  });

  it('a well-formed key of another vault -> WRONG_RECOVERY_KEY, files untouched', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const other = formatRecoveryKey(new Uint8Array(randomBytes(32)));
    expect((await catchAppError(() => Vault.openWithRecoveryKey(dir, other))).code).toBe(
      'WRONG_RECOVERY_KEY',
    );
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a mistyped key -> RECOVERY_KEY_INVALID (the checksum, not the vault, says so)', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const symbols = template.recoveryKey.replaceAll('-', '');
    const [a, b] = [symbols.charAt(0), symbols.charAt(1)];
    const swapped = b + a + symbols.slice(2);
    const typo = (a === 'Z' ? 'Y' : 'Z') + symbols.slice(1);
    for (const attempt of [typo, symbols.slice(0, -1), a === b ? typo : swapped]) {
      expect((await catchAppError(() => Vault.openWithRecoveryKey(dir, attempt))).code).toBe(
        'RECOVERY_KEY_INVALID',
      );
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('the passphrase is not a recovery key, and the recovery key is not a passphrase', async () => {
    const dir = dirs.copyOf(template.dir);
    expect((await catchAppError(() => Vault.openWithRecoveryKey(dir, PASSPHRASE))).code).toBe(
      'RECOVERY_KEY_INVALID',
    );
    expect((await catchAppError(() => Vault.open(dir, template.recoveryKey))).code).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('no vault -> VAULT_MISSING', async () => {
    const dir = dirs.make();
    expect(
      (await catchAppError(() => Vault.openWithRecoveryKey(dir, template.recoveryKey))).code,
    ).toBe('VAULT_MISSING');
  });
});

describe('version 1 headers from before recovery slots', () => {
  it('a header with a passphrase slot only still opens with the passphrase (re-signed as it was)', async () => {
    // Build the old shape: create a vault, drop its recovery slot and re-sign the header with the
    // master key, as a vault made before this change would have been signed.
    const dir = dirs.make();
    const vault = await Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF });
    const resign = vault as unknown as { master: Uint8Array };
    await sodium.ready;
    const old = {
      ...vault.header,
      slots: vault.header.slots.filter((s) => s.kind === 'passphrase'),
    };
    const macKey = deriveSubkey(sodium, resign.master, 'headerMac');
    const mac = sodium.to_base64(
      sodium.crypto_auth(headerMacInput(old), macKey),
      sodium.base64_variants.ORIGINAL,
    );
    vault.close();
    writeFileSync(vaultPaths(dir).header, serializeHeader({ ...old, mac }));

    const reopened = await Vault.open(dir, PASSPHRASE);
    expect(reopened.header.slots).toHaveLength(1);
    reopened.close();
    expect(
      (await catchAppError(() => Vault.openWithRecoveryKey(dir, template.recoveryKey))).code,
    ).toBe('WRONG_RECOVERY_KEY');
  });
});
