/** Threat: Electron APIs creep into services or the entry, outside the one audited shell. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const ELECTRON_IMPORT = /(from\s+|require\(\s*|import\(\s*)['"]electron(\/[^'"]*)?['"]/;
// Pure files of the shell: testable under Node, so they must not import Electron either.
const PURE_SHELL = ['app-origin.ts', 'app-path.ts', 'app-files.ts', 'csp.ts'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') || path.endsWith('.tsx') ? [path] : [];
  });
}

function importsElectron(path: string): boolean {
  // `import type` is erased at build time: only value imports count.
  const source = readFileSync(path, 'utf8').replace(/^import\s+type\s[^;]*;/gm, '');
  return ELECTRON_IMPORT.test(source);
}

describe('electron import layering', () => {
  it('only electron/main/shell and the preload import electron', () => {
    const offenders = [...tsFiles(join(ROOT, 'electron')), ...tsFiles(join(ROOT, 'shared'))]
      .filter(importsElectron)
      .map((p) => relative(ROOT, p).split(sep).join('/'))
      .filter((p) => !p.startsWith('electron/main/shell/') && p !== 'electron/preload/index.ts');
    expect(offenders).toEqual([]);
  });

  it('the pure shell files do not import electron', () => {
    for (const name of PURE_SHELL) {
      expect(importsElectron(join(ROOT, 'electron', 'main', 'shell', name)), name).toBe(false);
    }
  });

  it.each([
    ['shell.openExternal', /openExternal\s*\(/],
    ['crash report uploads', /crashReporter/],
    ['auto-update', /autoUpdater/],
  ])('nothing in the app uses %s', (_name, pattern) => {
    const users = tsFiles(join(ROOT, 'electron')).filter((p) =>
      pattern.test(readFileSync(p, 'utf8')),
    );
    expect(users).toEqual([]);
  });
});
