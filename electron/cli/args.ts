/** A small argv parser: positional words, `--name value` options and `--flag` switches. */
export interface ParsedArgs {
  readonly words: string[];
  readonly options: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const words: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!valued.has(name)) {
      options.set(name, ['true']);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { words, options };
}
