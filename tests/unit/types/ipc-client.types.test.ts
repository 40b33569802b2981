/**
 * Compile-time guarantees of the renderer's IPC client, checked with the TypeScript compiler on
 * snippets placed in the renderer: a wrong call must not compile, a right one must.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.web.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
if (!config) throw new Error('tsconfig.web.json did not parse');
const options: ts.CompilerOptions = { ...config.options, noEmit: true, composite: false };

const snippets = {
  right: `
    const r = await call('testimony:create', { recordCode: 'UA-1' });
    if (r.ok) { const code: string = r.value.recordCode; void code; }
    else { const c: 'VAULT_LOCKED' | 'DUPLICATE_RECORD_CODE' | 'DISK_FULL' | 'BAD_INPUT' | 'UNKNOWN_CHANNEL' | 'PAYLOAD_TOO_LARGE' | 'FORBIDDEN_SENDER' | 'INTERNAL' = r.error.code; void c; }`,
  wrongType: `await call('testimony:create', { recordCode: 42 });`,
  unknownChannel: `await call('vault:format-disk', {});`,
  missingKey: `await call('vault:unlock', {});`,
  extraKey: `await call('vault:unlock', { passphrase: 'x', admin: true });`,
  wrongOutputUse: `const r = await call('vault:status', {}); if (r.ok) { const n: number = r.value.state; void n; }`,
  wrongErrorCode: `const r = await call('vault:status', {}); if (!r.ok) { const c: 'NOT_FOUND' = r.error.code; void c; }`,
};
type Snippet = keyof typeof snippets;

/** Compiles every snippet as a file of the renderer in one program; returns errors per snippet. */
function compileSnippets(): Record<Snippet, string[]> {
  const files = new Map(
    Object.entries(snippets).map(([name, body]) => [
      join(root, 'renderer', 'src', `__typetest_${name}__.ts`),
      `import { call } from './ipc/client';\nexport async function probe() {\n${body}\n}\n`,
    ]),
  );
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) => {
    const text = files.get(name);
    return text !== undefined
      ? ts.createSourceFile(name, text, lang)
      : getSourceFile.call(host, name, lang, ...rest);
  };
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], options, host);
  const names = Object.keys(snippets) as Snippet[];
  const paths = [...files.keys()];
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(paths[i]!))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  ) as Record<Snippet, string[]>;
}

let errors: Record<Snippet, string[]>;
beforeAll(() => {
  errors = compileSnippets();
});

describe('typed IPC client (compile time)', () => {
  it('accepts a call that matches the table', () => {
    expect(errors.right).toEqual([]);
  });

  it('rejects an input of the wrong type', () => {
    expect(errors.wrongType.join('\n')).toMatch(/not assignable to type 'string'/);
  });

  it('rejects an unknown channel', () => {
    expect(errors.unknownChannel.join('\n')).toMatch(/vault:format-disk/);
  });

  it('rejects a missing key and an extra key', () => {
    expect(errors.missingKey.join('\n')).toMatch(/passphrase/);
    expect(errors.extraKey.join('\n')).toMatch(/admin/);
  });

  it('types the result value and the error codes of the channel', () => {
    expect(errors.wrongOutputUse.join('\n')).toMatch(/not assignable to type 'number'/);
    expect(errors.wrongErrorCode.join('\n')).toMatch(/not assignable to type '"NOT_FOUND"'/);
  });
});
