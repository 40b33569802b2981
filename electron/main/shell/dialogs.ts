/** The OS file dialogs behind the Dialogs port: main chooses paths, the renderer never does. */
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Dialogs } from '../api';
import { safeFileName } from '../attachments';

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async pickFilesToAttach() {
      const options: OpenDialogOptions = { properties: ['openFile', 'multiSelections'] };
      const win = getWindow();
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async pickSaveTarget(fileName) {
      // The stored name is evidence and may be hostile; the suggested one is made safe.
      const options: SaveDialogOptions = { defaultPath: safeFileName(fileName) };
      const win = getWindow();
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFileToOpen(kind) {
      const options: OpenDialogOptions = {
        properties: ['openFile'],
        filters:
          kind === 'bundle'
            ? [{ name: 'Svidok bundle', extensions: ['age'] }]
            : [
                { name: 'age key file', extensions: ['txt', 'key'] },
                { name: '*', extensions: ['*'] },
              ],
      };
      const win = getWindow();
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
