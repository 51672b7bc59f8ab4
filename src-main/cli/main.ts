/** `npm run cli -- <command>`: Factmark's services without a window. */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`factmark: ${error.message}\n`);
    process.exitCode = 1;
  },
);
