/** Threat: a look-alike URL passes for the app origin (spoofed host, port, credentials, scheme). */
import { describe, expect, it } from 'vitest';
import { devServer, isAppUrl, isTrustedSender } from '../../../electron/main/shell/app-origin';

describe('app origin', () => {
  it.each(['app://svidok/', 'app://svidok/index.html', 'app://svidok/a/b.js?x#y'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://svidok.evil/',
    'app://evil.svidok/',
    'app://svidok:1/',
    'app://a:b@svidok/',
    'app:svidok',
    'apps://svidok/',
    'https://svidok/',
    'file:///svidok/index.html',
    'javascript:alert(1)//app://svidok/',
    'http://localhost:5173/',
    '',
    'app://svidok/'.padEnd(5000, 'a'),
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('rejects non-strings', () => {
    for (const v of [undefined, null, 1, {}, ['app://svidok/']]) expect(isAppUrl(v)).toBe(false);
  });

  it('trusts only the top frame', () => {
    expect(isTrustedSender({ url: 'app://svidok/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://svidok/index.html', isMainFrame: false })).toBe(false);
  });
});

describe('dev server', () => {
  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173/', 'http://[::1]:5173/'])(
    'accepts loopback %s when unpackaged',
    (url) => expect(devServer(url, false)?.url).toBe(url),
  );

  it('is never used by a packaged app', () => {
    expect(devServer('http://localhost:5173/', true)).toBeNull();
  });

  it.each([
    undefined,
    '',
    'https://evil.example/',
    'http://192.168.1.5:5173/',
    'http://localhost.evil.example/',
    'http://user:pw@localhost:5173/',
    'file:///tmp/index.html',
    'app://svidok/',
    'not a url',
  ])('refuses %s', (url) => expect(devServer(url, false)).toBeNull());
});
