/**
 * The passphrase comes from SVIDOK_PASSPHRASE or the first line of standard input, never from
 * argv: command lines are visible to every user of the machine and land in shell history.
 */
export async function readPassphrase(
  env: NodeJS.ProcessEnv,
  stdin: AsyncIterable<Buffer | string>,
): Promise<string> {
  const fromEnv = env['SVIDOK_PASSPHRASE'];
  if (fromEnv) return fromEnv;
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    const newline = text.indexOf('\n');
    if (newline >= 0) return text.slice(0, newline).replace(/\r$/, '');
    if (text.length > 4096) break;
  }
  return text.replace(/\r?\n$/, '');
}
