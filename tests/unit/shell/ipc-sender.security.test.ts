/** Threat: a subframe, another origin or a dead frame calls into main through the IPC channel. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc';
import type { Dispatch } from '../../../electron/main/api';
import { isTrustedSender } from '../../../electron/main/shell/app-origin';
import { bindIpc } from '../../../electron/main/shell/ipc';
import { fake, FakeWebFrame, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const APP_URL = 'app://svidok/index.html';
const OK = { ok: true, value: { state: 'absent' } } as const;

function eventFrom(frame: FakeWebFrame | null): unknown {
  return { senderFrame: frame, sender: { mainFrame: frame ?? new FakeWebFrame(APP_URL) } };
}

/** Binds through the fake ipcMain and returns the registered handler. */
function bind(dispatch: Dispatch, devOrigin?: string) {
  const ipcMain = { handle: fake.ipcHandle } as unknown as Pick<IpcMain, 'handle'>;
  bindIpc(ipcMain, dispatch, (sender) => isTrustedSender(sender, devOrigin));
  const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL);
  if (!handler) throw new Error('no handler bound');
  return handler;
}

describe('IPC sender validation', () => {
  beforeEach(() => resetFake());

  it('binds exactly one channel, the shared invoke channel', () => {
    bind(vi.fn());
    expect(fake.ipcHandle).toHaveBeenCalledTimes(1);
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
  });

  it('passes a call from the app main frame to dispatch and returns its result', async () => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const handler = bind(dispatch);
    const result = await handler(eventFrom(new FakeWebFrame(APP_URL)), 'vault:status', {});
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('vault:status', {});
    expect(result).toEqual(OK);
  });

  it('rejects a subframe of the app, even one with the app URL', async () => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const top = new FakeWebFrame(APP_URL);
    const sub = new FakeWebFrame(APP_URL, top);
    const result = await bind(dispatch)(
      { senderFrame: sub, sender: { mainFrame: top } },
      'vault:status',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///',
    'file:///home/user/out/renderer/index.html',
    'app://evil/index.html',
    'app://svidok.evil/',
    'app://svidok:1/index.html',
    'data:text/html,hi',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('rejects a main frame from %s', async (url) => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const result = await bind(dispatch)(eventFrom(new FakeWebFrame(url)), 'vault:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a sender whose frame is gone (senderFrame null)', async () => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const result = await bind(dispatch)(eventFrom(null), 'vault:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the loopback dev server only when it is the configured dev origin', async () => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const handler = bind(dispatch, 'http://localhost:5173');
    expect(
      await handler(eventFrom(new FakeWebFrame('http://localhost:5173/')), 'vault:status', {}),
    ).toEqual(OK);
    expect(
      await handler(eventFrom(new FakeWebFrame('http://localhost:5174/')), 'vault:status', {}),
    ).toMatchObject({
      ok: false,
    });
  });

  it('turns a throwing dispatch into INTERNAL, leaking no stack or message', async () => {
    const handler = bind(async () => {
      throw new Error('secret testimony text at /home/user/vault');
    });
    const result = await handler(eventFrom(new FakeWebFrame(APP_URL)), 'vault:status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|stack|at /);
  });

  it('never throws even if reading the sender throws', async () => {
    const dispatch = vi.fn<Dispatch>(async () => OK);
    const event = {
      get senderFrame(): never {
        throw new Error('Object has been destroyed');
      },
      sender: {},
    };
    await expect(bind(dispatch)(event, 'vault:status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
