// The real eslint.config.mjs switches the rules on where they belong: a rule that is tested but
// not configured protects nothing. Files are linted as text at paths that need not exist.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Lints `code` as if it were the file at `rel`, which must not be ignored by the config. */
async function lint(rel: string, code: string): Promise<Linter.LintMessage[]> {
  const filePath = join(ROOT, rel);
  expect(await eslint.isPathIgnored(filePath), `${rel} is ignored`).toBe(false);
  const results = await eslint.lintText(code, { filePath });
  expect(results).toHaveLength(1);
  const messages = results[0]?.messages ?? [];
  // A parse error would hide every rule; none of the snippets is meant to have one.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages;
}

/** The rule ids reported as errors (severity 2), sorted. */
function errorRules(messages: Linter.LintMessage[]): (string | null)[] {
  return messages
    .filter((m) => m.severity === 2)
    .map((m) => m.ruleId)
    .sort();
}

describe('eslint.config.mjs: local/code-layering is on', () => {
  it('in renderer/: no Node built-ins, no electron', async () => {
    const messages = await lint(
      'renderer/src/lint-probe.tsx',
      "import { readFileSync } from 'node:fs';\nimport { ipcRenderer } from 'electron';\nexport const x = [readFileSync, ipcRenderer];\n",
    );
    expect(errorRules(messages)).toEqual(['local/code-layering', 'local/code-layering']);
  });

  it('in shared/: no React', async () => {
    const messages = await lint(
      'shared/lint-probe.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
    );
    expect(errorRules(messages)).toEqual(['local/code-layering']);
  });

  it('in a service: no electron, no other service internals', async () => {
    const messages = await lint(
      'electron/main/records/lint-probe.ts',
      "import { app } from 'electron';\nimport { deriveKek } from '../vault/kdf';\nexport const x = [app, deriveKek];\n",
    );
    expect(errorRules(messages)).toEqual(['local/code-layering', 'local/code-layering']);
  });

  it('still classifies files when ESLint runs from a subfolder', async () => {
    const fromRenderer = new ESLint({ cwd: join(ROOT, 'renderer') });
    const [result] = await fromRenderer.lintText(
      // node:fs is only wrong in renderer/ or shared/, so this needs the file classified.
      "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n",
      {
        filePath: join(ROOT, 'renderer/src/lint-probe.ts'),
      },
    );
    expect(errorRules(result?.messages ?? [])).toEqual(['local/code-layering']);
  });

  it('lets the shell import electron and a service through its index', async () => {
    const messages = await lint(
      'electron/main/shell/lint-probe.ts',
      "import { BrowserWindow } from 'electron';\nimport { VaultService } from '../vault';\nexport const x = [BrowserWindow, VaultService];\n",
    );
    expect(messages).toEqual([]);
  });
});

describe('eslint.config.mjs: local/no-unsafe-html is on', () => {
  it('reports dangerouslySetInnerHTML in a .tsx file as an error', async () => {
    const messages = await lint(
      'renderer/src/lint-probe.tsx',
      'export const P = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
    );
    expect(errorRules(messages)).toEqual(['local/no-unsafe-html']);
  });

  it('reports innerHTML assignments outside the renderer too', async () => {
    const messages = await lint(
      'electron/main/shell/lint-probe.ts',
      'export function f(el: { innerHTML: string }, s: string): void {\n  el.innerHTML = s;\n}\n',
    );
    expect(errorRules(messages)).toEqual(['local/no-unsafe-html']);
  });
});

describe('eslint.config.mjs: the house rules', () => {
  it('makes `any` an error', async () => {
    const messages = await lint('shared/lint-probe.ts', 'export const x: any = 1;\n');
    expect(errorRules(messages)).toEqual(['@typescript-eslint/no-explicit-any']);
  });

  it('makes an unused eslint-disable directive an error', async () => {
    const messages = await lint(
      'shared/lint-probe.ts',
      '// eslint-disable-next-line no-console\nexport const x = 1;\n',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 2, ruleId: null });
    expect(messages[0]?.message).toMatch(/Unused eslint-disable directive/);
  });

  it('runs the react-hooks rules on renderer components', async () => {
    const messages = await lint(
      'renderer/src/lint-probe.tsx',
      "import { useState } from 'react';\nexport function C({ on }: { on: boolean }) {\n  if (on) {\n    useState(0);\n  }\n  return null;\n}\n",
    );
    expect(errorRules(messages)).toContain('react-hooks/rules-of-hooks');
  });

  it.each([
    'electron/main/vault/lint-probe.ts',
    'electron/preload/lint-probe.ts',
    'renderer/src/lint-probe.tsx',
    'shared/lint-probe.ts',
  ])('forbids console.log but allows console.warn/error in %s', async (rel) => {
    const messages = await lint(
      rel,
      "console.log('x');\nconsole.warn('x');\nconsole.error('x');\nexport {};\n",
    );
    expect(errorRules(messages)).toEqual(['no-console']);
  });

  it.each(['electron/cli/lint-probe.ts', 'tests/unit/lint-probe.test.ts'])(
    'lets %s print',
    async (rel) => {
      const messages = await lint(rel, "console.log('x');\nexport {};\n");
      expect(messages).toEqual([]);
    },
  );

  it('gives .mjs scripts under tests/ and config files Node globals', async () => {
    const code = 'console.log(process.argv, new URL(import.meta.url));\n';
    expect(await lint('tests/run-all.mjs', code)).toEqual([]);
    expect(await lint('some-tool.config.mjs', code)).toEqual([]);
  });

  it('gives renderer scripts browser globals', async () => {
    const messages = await lint(
      'renderer/src/lint-probe.mjs',
      "document.title = 'Svidok';\nexport const w = window.innerWidth;\n",
    );
    expect(messages).toEqual([]);
  });

  it('ignores build output and test fixtures', async () => {
    for (const rel of ['out/main/index.js', 'tests/fixtures/bad.ts', '.ci/node/bin/x.js']) {
      expect(await eslint.isPathIgnored(join(ROOT, rel)), rel).toBe(true);
    }
  });

  it('passes on the lint setup itself', async () => {
    const results = await eslint.lintFiles(['eslint.config.mjs', '.eslint-plugin-local/']);
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});
