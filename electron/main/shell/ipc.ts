/** Binds the single IPC channel: checks the sender, then hands the call to the dispatcher. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc-channel';
import type { Result } from '../../../shared/ipc';
import type { ErrorCode } from '../../../shared/errors';
import type { Dispatch } from '../api';
import type { SenderInfo } from './app-origin';

type IpcResult = Result<unknown, ErrorCode>;

function fail(code: ErrorCode, message: string): IpcResult {
  return { ok: false, error: { code, message } };
}

/** The sender's frame URL and whether it is the top frame; null once the frame is gone. */
export function senderInfo(event: IpcMainInvokeEvent): SenderInfo | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  // The top frame has no parent (VS Code's validatedIpcMain uses the same test).
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Handles one call. Never throws: a thrown error would carry a stack trace to the renderer. */
export async function handleInvoke(
  event: IpcMainInvokeEvent,
  channel: unknown,
  input: unknown,
  dispatch: Dispatch,
  isTrusted: (sender: SenderInfo) => boolean,
): Promise<IpcResult> {
  try {
    const sender = senderInfo(event);
    if (!sender || !isTrusted(sender)) {
      return fail('FORBIDDEN_SENDER', 'Only the app window may call this');
    }
    return await dispatch(channel, input);
  } catch {
    return fail('INTERNAL', 'Internal error');
  }
}

export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (sender: SenderInfo) => boolean,
): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handleInvoke(event, channel, input, dispatch, isTrusted),
  );
}
