/**
 * Sandboxed preload: exposes exactly one function, `window.svidok.invoke`. Never the raw
 * ipcRenderer, never an event object. Imports only the channel constant, so zod stays out.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc-channel';
import type { SvidokBridge } from '../../shared/ipc';

const bridge: SvidokBridge = {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('svidok', bridge);
