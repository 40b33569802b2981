/**
 * README's command table is the CLI's reference: a command added to the CLI without a row there
 * (or a row left for a command that is gone) fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, USAGE } from '../../../electron/cli/run';

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

/** The command of each row of the table under "## Command line": `svidok vault init` → "vault init". */
function tableCommands(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('Command line\n')) ?? '';
  return [...section.matchAll(/^\| `svidok ([^`]*)`/gm)].map((m) => m[1]!);
}

/** A row names a command when its words start with the command's words. */
const names = (row: string, command: string) => `${row} `.startsWith(`${command} `);

describe('README documents every CLI command', () => {
  it('finds the table', () => {
    expect(tableCommands().length).toBeGreaterThan(10);
  });

  it('has a row for every command', () => {
    const rows = tableCommands();
    expect(COMMAND_NAMES.filter((c) => !rows.some((r) => names(r, c)))).toEqual([]);
  });

  it('has no row for a command the CLI lacks', () => {
    const known = [...COMMAND_NAMES, 'help'];
    expect(tableCommands().filter((r) => !known.some((c) => names(r, c)))).toEqual([]);
  });

  it('lists every command in the usage text too', () => {
    const missing = COMMAND_NAMES.filter((c) => !new RegExp(`^  ${c}( |$)`, 'm').test(USAGE));
    expect(missing).toEqual([]);
  });
});
