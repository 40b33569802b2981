/** Every web contents stays on the page it was loaded with: no navigation, popups or webviews. */
import type { App, WebContents } from 'electron';

/** Locks down one web contents. shell.openExternal is never used: renderer input opens nothing. */
export function lockDownContents(contents: WebContents): void {
  // The renderer is a single page app: any navigation is an attack or a mistake.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies lockDownContents to every web contents the app ever creates. */
export function guardAllContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
