/** Threat: a crafted app:// URL reads a file outside the renderer folder (path traversal). */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { createAppFileHandler } from '../../../electron/main/shell/app-files';
import { resolveAppPath } from '../../../electron/main/shell/app-path';
import { CSP } from '../../../electron/main/shell/csp';
import { handleAppProtocol, registerAppScheme } from '../../../electron/main/shell/protocol';
import { fake, FakeSession, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const SECRET = 'TOP-SECRET-TESTIMONY';
const base = mkdtempSync(join(tmpdir(), 'svidok-proto-'));
const root = join(base, 'renderer');

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Svidok</title>');
  writeFileSync(join(root, 'assets', 'app-1a2B.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, '.hidden.js'), 'hidden');
  writeFileSync(join(root, 'notes.unknownext'), 'x');
  writeFileSync(join(base, 'secret'), SECRET);
  writeFileSync(join(base, 'secret.js'), SECRET);
  symlinkSync(join(base, 'secret.js'), join(root, 'assets', 'link.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const TRAVERSALS = [
  'app://svidok/../secret',
  'app://svidok/../secret.js',
  'app://svidok/assets/../../secret.js',
  'app://svidok/%2e%2e/secret.js',
  'app://svidok/%2E%2E%2Fsecret.js',
  'app://svidok/%2e%2e%2fsecret.js',
  'app://svidok/..%2fsecret.js',
  'app://svidok/assets%2f..%2f..%2fsecret.js',
  'app://svidok/.%2e/secret.js',
  'app://svidok/..%5csecret.js',
  'app://svidok/assets%5c..%5c..%5csecret.js',
  'app://svidok/..\\secret.js',
  'app://svidok/index.html%00.js',
  'app://svidok/index.html\u0000.js',
  'app://svidok/./index.html',
  'app://svidok//etc/passwd',
  'app://svidok/%2Fetc%2Fpasswd',
  'app://svidok/C:/Windows/win.ini',
  'app://svidok/assets/',
  'app://svidok/assets',
  'app://svidok/.hidden.js',
  'app://svidok/assets/link.js',
  'app://svidok/notes.unknownext',
  'app://evil/index.html',
  'app://svidok.evil/index.html',
  'app://svidok:8080/index.html',
  'app://user:pw@svidok/index.html',
  'app:svidok/index.html',
  'app:///index.html',
  'file:///etc/passwd',
  `file://${join(base, 'secret.js')}`,
  'javascript:alert(1)',
  'https://svidok/index.html',
  'data:text/html,<script>alert(1)</script>',
  'app://svidok/missing.js',
];

describe('resolveAppPath confines app:// to the renderer folder', () => {
  it('maps / and /index.html to index.html', () => {
    expect(resolveAppPath(root, 'app://svidok/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://svidok')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://svidok/index.html?x=1#y')).toBe(join(root, 'index.html'));
  });

  it('maps an asset to its file', () => {
    expect(resolveAppPath(root, 'app://svidok/assets/app-1a2B.js')).toBe(
      join(root, 'assets', 'app-1a2B.js'),
    );
  });

  // The last few need the file system to refuse (a folder, a symlink, an unknown type, absent).
  const syntactic = TRAVERSALS.filter((u) => !/link\.js|unknownext|missing|assets$/.test(u));
  it.each(syntactic)('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(resolveAppPath(root, undefined)).toBeNull();
    expect(resolveAppPath(root, { url: 'app://svidok/' })).toBeNull();
    expect(resolveAppPath(root, `app://svidok/${'a'.repeat(5000)}.js`)).toBeNull();
  });
});

describe('the app:// handler', () => {
  const handler = (): ((r: { url: string; method: string }) => Promise<Response>) =>
    createAppFileHandler(root);

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const res = await handler()(new Request('app://svidok/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Svidok</title>');
  });

  it('serves scripts and styles with their types', async () => {
    const js = await handler()(new Request('app://svidok/assets/app-1a2B.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await handler()(new Request('app://svidok/assets/style.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each(TRAVERSALS)('answers 404 without reading outside for %s', async (url) => {
    const res = await handler()({ url, method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).not.toContain(SECRET);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handler()({ url: 'app://svidok/index.html', method: 'POST' });
    expect(res.status).toBe(405);
  });

  it('404s when the renderer folder itself is missing', async () => {
    const res = await createAppFileHandler(join(base, 'nope'))({
      url: 'app://svidok/index.html',
      method: 'GET',
    });
    expect(res.status).toBe(404);
  });
});

describe('scheme registration', () => {
  beforeEach(() => resetFake());

  it('registers app as standard, secure and fetch-capable, and nothing more permissive', () => {
    registerAppScheme();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves app:// on the given session through the confined handler', async () => {
    const ses = new FakeSession('svidok');
    handleAppProtocol(ses as unknown as Session, root);
    const handle = ses.protocolHandlers.get('app');
    expect(handle).toBeDefined();
    const ok = await handle!(new Request('app://svidok/'));
    expect(ok.status).toBe(200);
    const bad = await handle!(new Request('app://svidok/..%2fsecret.js'));
    expect(bad.status).toBe(404);
  });
});
