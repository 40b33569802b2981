/**
 * Runs the CLI in this process, as `svidok …` would run, with what it prints captured: one
 * helper for every CLI test, so they all drive it the same way.
 */
import { Readable } from 'node:stream';
import { runCli } from '../../electron/cli/run';

export interface CliResult {
  readonly code: number;
  /** Standard output, one entry per line printed. */
  readonly lines: string[];
  /** Standard output, the lines joined. */
  readonly out: string;
  readonly err: string;
}

export async function runCliCaptured(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliResult> {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli([...argv], {
    env: options.env ?? {},
    stdin: Readable.from([options.stdin ?? '']),
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  });
  return { code, lines, out: lines.join('\n'), err: errors.join('\n') };
}
