/**
 * Recipients through the boundary the renderer uses (dispatch) and through the CLI: added and
 * listed with their fingerprint, each addition a custody entry without the name; invalid keys,
 * duplicates and garbage input refused with typed errors, leaving nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../electron/main/custody';
import { recipientFingerprint } from '../../../electron/main/recipients';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';
import { runCliCaptured } from '../../helpers/cli';

const newKey = () =>
  /public key: (age1\S+)/.exec(
    execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  )![1]!;

let dir: string;
let vaultDir: string;
let t: TestApi;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'svidok-recipients-'));
  vaultDir = join(dir, 'vault');
  t = startApi(vaultDir);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
});
afterAll(() => {
  t.api.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const office = {
  name: 'Відділ воєнних злочинів',
  organisation: 'Офіс Генерального прокурора',
  recipientClass: 'national_prosecutor' as const,
};

describe('recipient:add and recipient:list', () => {
  it('round-trips through dispatch with the fingerprint, and records recipient.added without the name', async () => {
    const publicKey = newKey();
    const before = t.api.services.custody.entries().length;
    const added = ok(await t.call('recipient:add', { ...office, publicKey }));
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...office,
      publicKey,
      fingerprint: recipientFingerprint(publicKey),
      createdAt: expect.any(String),
    });
    const { items } = ok(await t.call('recipient:list', {}));
    expect(items).toContainEqual(added);

    const entries = t.api.services.custody.entries().slice(before);
    expect(
      entries.map((e) => [e.action, e.details['recipientId'], e.details['fingerprint']]),
    ).toEqual([['recipient.added', added.id, added.fingerprint]]);
    expect(entries.map((e) => toJsonLine(e)).join('\n')).not.toContain('Відділ');
    expect(t.api.services.custody.verify().ok).toBe(true);
  });

  it('refuses a duplicate key (DUPLICATE_RECIPIENT), even under another name; nothing is added', async () => {
    const publicKey = newKey();
    ok(await t.call('recipient:add', { ...office, publicKey }));
    const count = ok(await t.call('recipient:list', {})).items.length;
    const entries = t.api.services.custody.entries().length;
    const again = err(
      await t.call('recipient:add', { ...office, name: 'Інший', publicKey: ` ${publicKey} ` }),
    );
    expect(again.code).toBe('DUPLICATE_RECIPIENT');
    expect(ok(await t.call('recipient:list', {})).items).toHaveLength(count);
    expect(t.api.services.custody.entries()).toHaveLength(entries);
  });

  it('refuses invalid keys with RECIPIENT_KEY_INVALID and adds nothing', async () => {
    const count = ok(await t.call('recipient:list', {})).items.length;
    const good = newKey();
    for (const publicKey of [
      good.toUpperCase(),
      good.slice(0, -1) + (good.endsWith('q') ? 'p' : 'q'),
      good.slice(0, -2),
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsY',
      'AGE-SECRET-KEY-1QQQQ',
    ]) {
      expect(err(await t.call('recipient:add', { ...office, publicKey })).code).toBe(
        'RECIPIENT_KEY_INVALID',
      );
    }
    expect(ok(await t.call('recipient:list', {})).items).toHaveLength(count);
  });

  it('answers garbage input with BAD_INPUT before the service runs', async () => {
    const publicKey = newKey();
    const bad: unknown[] = [
      null,
      'age1',
      {},
      { ...office },
      { ...office, publicKey, extra: 1 },
      { ...office, publicKey, recipientClass: 'journalist' },
      { ...office, publicKey, name: '' },
      { ...office, publicKey, name: '   ' },
      { ...office, publicKey, organisation: 'x'.repeat(201) },
      { ...office, publicKey, name: '\uD800' },
      { ...office, publicKey: 42 },
      { ...office, publicKey: 'age1' + 'q'.repeat(300) },
    ];
    for (const input of bad) {
      const result = await t.api.dispatch('recipient:add', input);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe('BAD_INPUT');
    }
    const list = await t.api.dispatch('recipient:list', { x: 1 });
    expect(list.ok ? 'ok' : list.error.code).toBe('BAD_INPUT');
    expect(ok(await t.call('recipient:list', {})).items.map((r) => r.publicKey)).not.toContain(
      publicKey,
    );
  });
});

const cli = (argv: string[]) =>
  runCliCaptured([...argv, '--vault', vaultDir], { env: { SVIDOK_PASSPHRASE: PASSPHRASE } });

describe('svidok recipient', () => {
  // The CLI opens the vault itself: the test's own session must let go first.
  beforeAll(() => t.api.shutdown());
  afterAll(async () => {
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('add prints the fingerprint; list shows it the same way as the IPC channel', async () => {
    const key = newKey();
    const fp = recipientFingerprint(key);
    const add = await cli([
      'recipient',
      'add',
      '--name',
      'ICC OTP',
      '--org',
      'ICC',
      '--class',
      'icc_otp',
      key,
    ]);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain(`fingerprint: ${fp}`);
    const list = await cli(['recipient', 'list']);
    expect(list.code).toBe(0);
    expect(list.out.split('\n')).toContain(`${fp}\ticc_otp\t${key}\tICC OTP\tICC`);
  });

  it('refuses a bad key (exit 1, typed), an unknown class and missing options (exit 2)', async () => {
    const bad = await cli([
      'recipient',
      'add',
      '--name',
      'N',
      '--org',
      'O',
      newKey().toUpperCase(),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^svidok: RECIPIENT_KEY_INVALID: .*lower case/);
    const cls = await cli([
      'recipient',
      'add',
      '--name',
      'N',
      '--org',
      'O',
      '--class',
      'x',
      newKey(),
    ]);
    expect(cls.code).toBe(2);
    expect((await cli(['recipient', 'add', '--name', 'N', newKey()])).code).toBe(2);
    const dup = newKey();
    expect((await cli(['recipient', 'add', '--name', 'N', '--org', 'O', dup])).code).toBe(0);
    const again = await cli(['recipient', 'add', '--name', 'N', '--org', 'O', dup]);
    expect(again.err).toMatch(/^svidok: DUPLICATE_RECIPIENT: /);
  });
});
