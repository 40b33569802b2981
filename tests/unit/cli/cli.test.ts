import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultVaultDir } from '../../../electron/cli/default-paths';
import { runCli } from '../../../electron/cli/run';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'svidok-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: options.env ?? {},
    stdin: Readable.from([options.stdin ?? '']),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('svidok CLI', () => {
  it('creates a vault with the passphrase from stdin, then reports it present', async () => {
    const vault = join(dir, 'v');
    expect((await cli(['vault', 'status', '--vault', vault])).out).toBe('absent');
    const init = await cli(['vault', 'init', '--vault', vault], {
      stdin: 'a long enough passphrase\n',
    });
    expect(init.code).toBe(0);
    expect(existsSync(join(vault, 'vault.json'))).toBe(true);
    expect(existsSync(join(vault, 'vault.db'))).toBe(true);
    expect((await cli(['vault', 'status', '--vault', vault])).out).toBe('present (locked)');

    const again = await cli(['vault', 'init', '--vault', vault], {
      env: { SVIDOK_PASSPHRASE: 'another long passphrase' },
    });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^svidok: VAULT_EXISTS: /);
  });

  it('refuses a weak passphrase with a typed error and creates nothing', async () => {
    const vault = join(dir, 'v');
    const result = await cli(['vault', 'init', '--vault', vault], {
      env: { SVIDOK_PASSPHRASE: 'short' },
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^svidok: WEAK_PASSPHRASE: /);
    expect(existsSync(join(vault, 'vault.json'))).toBe(false);
  });

  it('never takes a passphrase from argv', async () => {
    const vault = join(dir, 'v');
    const result = await cli(['vault', 'init', '--vault', vault, '--passphrase', 'in argv is bad']);
    expect(result.code).toBe(2);
    expect(existsSync(vault)).toBe(false);
  });

  it('answers an unknown command with usage and exit status 2, without a stack', async () => {
    const result = await cli(['vault', 'explode']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown command: vault explode');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('defaults to the folder where the app keeps its vault on each platform', () => {
    expect(defaultVaultDir('linux', {}, '/home/a')).toBe('/home/a/.config/Svidok/vault');
    expect(defaultVaultDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/Svidok/vault');
    expect(defaultVaultDir('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Svidok/vault',
    );
    expect(defaultVaultDir('win32', { APPDATA: 'C:\\U\\a\\AppData\\Roaming' }, 'C:\\U\\a')).toMatch(
      /Svidok[\\/]vault$/,
    );
  });
});
