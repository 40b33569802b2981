/** Threat: injected script or a remote resource runs in the app page (XSS, exfiltration). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, SECURITY_HEADERS } from '../../../electron/main/shell/csp';

const INDEX_HTML = join(__dirname, '..', '..', '..', 'renderer', 'index.html');

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );
}

describe('content security policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'; frame-src 'none'",
    );
  });

  it('allows no inline script, eval, remote host or wildcard', () => {
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:|wss?:|blob:/);
    expect(directives(CSP).get('script-src')).toBe("'self'");
    expect(directives(CSP).get('object-src')).toBe("'none'");
  });

  it('goes out with nosniff on every response', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(CSP);
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });

  it.skipIf(!existsSync(INDEX_HTML))('matches the meta tag in renderer/index.html', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBeDefined();
    // Browsers ignore these in a meta tag; the response header carries them.
    const headerOnly = ['frame-ancestors', 'report-uri', 'sandbox'];
    const expected = directives(CSP);
    for (const name of headerOnly) expected.delete(name);
    expect(directives(meta![1]!)).toEqual(expected);
  });
});
