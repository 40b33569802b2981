/** Threat: a compromised renderer sends unknown channels, wrong shapes or huge inputs. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc';
import { createApi } from '../../../electron/main/api';
import type { Api } from '../../../electron/main/api';
import { silentLogger } from '../../../electron/main/log';
import { isTrustedSender } from '../../../electron/main/shell/app-origin';
import { bindIpc } from '../../../electron/main/shell/ipc';
import { fake, FakeWebFrame, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const fromApp = { senderFrame: new FakeWebFrame('app://svidok/index.html'), sender: {} };
let vaultDir: string;
let api: Api;
let invoke: (channel: unknown, input: unknown) => Promise<unknown>;

beforeEach(() => {
  resetFake();
  vaultDir = join(mkdtempSync(join(tmpdir(), 'svidok-ipc-')), 'vault');
  api = createApi({ vaultDir, log: silentLogger });
  bindIpc({ handle: fake.ipcHandle } as unknown as Pick<IpcMain, 'handle'>, api.dispatch, (s) =>
    isTrustedSender(s),
  );
  const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)!;
  invoke = async (channel, input) => handler(fromApp, channel, input);
});

afterEach(() => {
  api.shutdown();
  rmSync(join(vaultDir, '..'), { recursive: true, force: true });
});

function spyOnServices() {
  return [
    vi.spyOn(api.vault, 'create'),
    vi.spyOn(api.vault, 'unlock'),
    vi.spyOn(api.vault, 'state'),
    vi.spyOn(api.vault, 'lock'),
  ];
}

function vaultUntouched(): boolean {
  try {
    return readdirSync(vaultDir).length === 0;
  } catch {
    return true;
  }
}

describe('IPC input validation with the real dispatcher', () => {
  it('answers a valid call from the app (sanity)', async () => {
    expect(await invoke('vault:status', {})).toEqual({ ok: true, value: { state: 'absent' } });
  });

  it.each(['vault:nuke', '__proto__', 'constructor', 'toString', '', 42, null, { c: 1 }])(
    'rejects the unknown channel %j before any service runs',
    async (channel) => {
      const spies = spyOnServices();
      expect(await invoke(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['a number passphrase', { passphrase: 12345678 }],
    ['a missing passphrase', {}],
    ['an extra unknown key', { passphrase: 'correct horse battery staple', admin: true }],
    ['a prototype key', JSON.parse('{"passphrase":"correct horse battery","__proto__":{"x":1}}')],
    ['null input', null],
    ['an array input', ['correct horse battery staple']],
  ])('rejects %s on vault:create with BAD_INPUT before any service runs', async (_name, input) => {
    const spies = spyOnServices();
    expect(await invoke('vault:create', input)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(vaultUntouched()).toBe(true);
  });

  it('rejects an extra key on an empty-input channel', async () => {
    const spies = spyOnServices();
    expect(await invoke('vault:status', { sneaky: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('rejects a 2 MB passphrase with PAYLOAD_TOO_LARGE before any service runs', async () => {
    const spies = spyOnServices();
    const result = await invoke('vault:create', { passphrase: 'x'.repeat(2 * 1024 * 1024) });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(vaultUntouched()).toBe(true);
  });

  it('rejects a deeply nested input with PAYLOAD_TOO_LARGE', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(await invoke('vault:create', deep)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('never puts the input back into an error message', async () => {
    const result = await invoke('vault:create', { passphrase: 7, note: 'SURVIVOR-NAME-XYZ' });
    expect(JSON.stringify(result)).not.toContain('SURVIVOR-NAME-XYZ');
  });
});
