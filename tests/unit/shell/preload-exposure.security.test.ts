/** Threat: the preload leaks ipcRenderer, an event object or Node to the page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const ROOT = join(__dirname, '..', '..', '..');
let key: unknown;
let bridge: Record<string, unknown>;

beforeAll(async () => {
  resetFake();
  await import('../../../electron/preload/index');
  expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
  [key, bridge] = fake.exposeInMainWorld.mock.calls[0] as [unknown, Record<string, unknown>];
});

/** Value imports (not `import type`) of a source file. */
function valueImports(path: string): string[] {
  const source = readFileSync(join(ROOT, path), 'utf8');
  return [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('preload exposure', () => {
  it('exposes exactly one key, svidok, holding exactly one function, invoke', () => {
    expect(key).toBe('svidok');
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge['invoke']).toBe('function');
  });

  it('forwards invoke on the single channel and returns only the result', async () => {
    fake.ipcRendererInvoke.mockResolvedValueOnce({ ok: true, value: { state: 'locked' } });
    const invoke = bridge['invoke'] as (channel: string, input: unknown) => Promise<unknown>;
    const result = await invoke('vault:status', { a: 1 });
    expect(fake.ipcRendererInvoke).toHaveBeenCalledExactlyOnceWith(
      IPC_INVOKE_CHANNEL,
      'vault:status',
      {
        a: 1,
      },
    );
    expect(result).toEqual({ ok: true, value: { state: 'locked' } });
  });

  it('hands the page nothing from Electron (no ipcRenderer, no event, no send/on)', () => {
    const values = Object.values(bridge);
    expect(values).toHaveLength(1);
    for (const name of ['ipcRenderer', 'send', 'on', 'once', 'sendSync', 'removeListener']) {
      expect(bridge).not.toHaveProperty(name);
    }
  });

  it('imports only electron and the zod-free channel (all a sandboxed preload can require)', () => {
    expect(valueImports('electron/preload/index.ts').sort()).toEqual(
      ['../../shared/ipc-channel', 'electron'].sort(),
    );
    expect(valueImports('shared/ipc-channel.ts')).toEqual([]);
  });
});
