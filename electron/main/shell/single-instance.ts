/** One running copy: two processes on one vault would fight over keys and the database. */
import type { App, BrowserWindow } from 'electron';

/** Returns false (and quits) when another instance holds the lock; else focuses it on relaunch. */
export function acquireSingleInstance(app: App, getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // The second instance's argv and working directory are ignored: they are untrusted input.
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
