/**
 * bundle:open across the boundary: the renderer names no file (main asks the Dialogs port, first
 * for the bundle, then for the key file), the age secret key never appears in the answer or the
 * log, a mistyped device key is refused before any dialog opens, extra keys and oversized input
 * are refused before the handler runs, and it works with the vault locked (a recipient may have
 * no vault at all).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import { err, ok } from '../../helpers/api';
import { FAST_KDF } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { BUNDLE_ID, buildBundle, type Keys, makeKeys } from './bundle-fixture';

const temp = createTempDirs('svidok-open-ipc-');
const apis: Array<{ shutdown(): void }> = [];
afterEach(() => {
  for (const api of apis.splice(0)) api.shutdown();
  temp.cleanup();
});

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});

/** An API whose open dialogs answer `answers` in order (filled later, when files are made). */
async function rig(answers: Array<string | null> = []) {
  const dir = temp.make();
  const asked: string[] = [];
  const lines: string[] = [];
  const api = createApi({
    vaultDir: join(dir, 'vault'),
    log: createLogger(memorySink(lines)),
    vault: { kdf: FAST_KDF },
    dialogs: {
      pickFilesToAttach: async () => [],
      pickSaveTarget: async () => null,
      pickFileToOpen: async (kind) => {
        asked.push(kind);
        return answers.shift() ?? null;
      },
    },
  });
  apis.push(api);
  return { api, asked, lines, dir, answers };
}

async function files(dir: string) {
  const bundlePath = join(dir, `${BUNDLE_ID}.svidok.age`);
  writeFileSync(bundlePath, (await buildBundle(keys)).sealed);
  const keyFile = join(dir, 'key.txt');
  writeFileSync(keyFile, keys.identity);
  return { bundlePath, keyFile };
}

describe('bundle:open', () => {
  it('asks for the bundle then the key file, answers the report, and never returns the key', async () => {
    const again = await rig();
    const { bundlePath, keyFile } = await files(again.dir);
    again.answers.push(bundlePath, keyFile);
    const value = ok(await again.api.dispatch('bundle:open', { pubkey: keys.device.text }));
    expect(again.asked).toEqual(['bundle', 'identity']);
    expect(value).toMatchObject({
      opened: true,
      report: { verdict: 'verified', checksOmitted: 0 },
    });
    const secret = keys.identity.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
    expect(JSON.stringify(value)).not.toContain(secret);
    expect(again.lines.join('\n')).not.toContain(secret);
    // The vault was never created, let alone unlocked: opening needs none.
    expect(again.api.vault.state()).toBe('absent');
  });

  it('a blank device key means not pinned', async () => {
    const again = await rig();
    const { bundlePath, keyFile } = await files(again.dir);
    again.answers.push(bundlePath, keyFile);
    const value = ok(await again.api.dispatch('bundle:open', { pubkey: '  \n' }));
    expect(value).toMatchObject({ opened: true, report: { verdict: 'verified-unpinned' } });
  });

  it('cancelled at either dialog: opened false', async () => {
    const first = await rig([null]);
    expect(ok(await first.api.dispatch('bundle:open', {}))).toEqual({ opened: false });
    expect(first.asked).toEqual(['bundle']);
    const second = await rig();
    second.answers.push((await files(second.dir)).bundlePath, null);
    expect(ok(await second.api.dispatch('bundle:open', {}))).toEqual({ opened: false });
    expect(second.asked).toEqual(['bundle', 'identity']);
  });

  it('a mistyped device key is DEVICE_KEY_INVALID before any dialog', async () => {
    const r = await rig(['/x', '/y']);
    expect(err(await r.api.dispatch('bundle:open', { pubkey: 'RWQ-not-a-key' })).code).toBe(
      'DEVICE_KEY_INVALID',
    );
    expect(r.asked).toEqual([]);
  });

  it('a key file that is not an age key is IDENTITY_INVALID, a missing one FILE_UNREADABLE', async () => {
    const bad = await rig();
    const { bundlePath } = await files(bad.dir);
    const notKey = join(bad.dir, 'not-key.txt');
    writeFileSync(notKey, 'hello\n');
    bad.answers.push(bundlePath, notKey);
    expect(err(await bad.api.dispatch('bundle:open', {})).code).toBe('IDENTITY_INVALID');
    const gone = await rig([bundlePath, join(bad.dir, 'missing.txt')]);
    expect(err(await gone.api.dispatch('bundle:open', {})).code).toBe('FILE_UNREADABLE');
  });

  it('refuses a path, extra keys and an oversized key before the handler runs', async () => {
    const r = await rig(['/x', '/y']);
    for (const input of [
      { bundlePath: '/etc/passwd' },
      { pubkey: keys.device.text, identity: 'AGE-SECRET-KEY-1X' },
      { pubkey: 'x'.repeat(5000) },
    ]) {
      expect(err(await r.api.dispatch('bundle:open', input)).code).toMatch(
        /^(BAD_INPUT|PAYLOAD_TOO_LARGE)$/u,
      );
    }
    expect(r.asked).toEqual([]);
  });
});
