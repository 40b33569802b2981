/** Threat: a compromised page navigates away, opens windows or embeds a webview to escape. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, WebContents } from 'electron';
import { guardAllContents, lockDownContents } from '../../../electron/main/shell/navigation';
import { fake, fakeEvent, FakeWebContents, FakeWebFrame, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const HOSTILE = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/index.html',
  'app://svidok.evil.example/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ftp://example.com/',
  'mailto:a@b.c',
  'unknown-scheme:whatever',
];
// Even the app's own URL: the renderer is a single page app and never navigates.
const ALL = [...HOSTILE, 'app://svidok/index.html', 'app://svidok/other.html'];

function locked(): FakeWebContents {
  const contents = new FakeWebContents();
  lockDownContents(contents as unknown as WebContents);
  return contents;
}

describe('navigation lock-down', () => {
  beforeEach(() => resetFake());

  it.each(ALL)('cancels will-navigate to %s', (url) => {
    const event = fakeEvent({ url, isMainFrame: true });
    locked().emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(ALL)('cancels will-frame-navigate to %s (any frame)', (url) => {
    const contents = locked();
    const top = fakeEvent({ url, isMainFrame: true, frame: contents.mainFrame });
    const sub = fakeEvent({
      url,
      isMainFrame: false,
      frame: new FakeWebFrame(url, contents.mainFrame),
    });
    contents.emit('will-frame-navigate', top);
    contents.emit('will-frame-navigate', sub);
    expect(top.defaultPrevented).toBe(true);
    expect(sub.defaultPrevented).toBe(true);
  });

  it.each(HOSTILE)('cancels will-redirect to %s', (url) => {
    const event = fakeEvent({ url, isMainFrame: true });
    locked().emit('will-redirect', event, url);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(ALL)('denies window.open of %s', (url) => {
    const contents = locked();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('prevents a webview from attaching, whatever it asks for', () => {
    const event = fakeEvent();
    locked().emit(
      'will-attach-webview',
      event,
      { nodeIntegration: true },
      { src: 'https://evil.example' },
    );
    expect(event.defaultPrevented).toBe(true);
  });

  it('never calls shell.openExternal, whatever the page tries', () => {
    const contents = locked();
    for (const url of ALL) {
      contents.emit('will-navigate', fakeEvent({ url }), url);
      contents.emit('will-frame-navigate', fakeEvent({ url, isMainFrame: false }));
      contents.emit('will-redirect', fakeEvent({ url }), url);
      contents.windowOpenHandler!({ url });
    }
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('applies to every web contents the app creates', () => {
    guardAllContents(fake.app as unknown as App);
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), contents);
    const event = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });
});
