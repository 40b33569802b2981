/** Entry point of the `svidok` command (built to out/main/cli.js). */
import { runCli } from './run';

void runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}).then((code) => {
  process.exitCode = code;
});
