/** Test helper: run the CLI in-process against a data folder and collect its output. */
import { runCli } from '../../src-main/cli/run';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `npm run cli -- <args> --data-dir <dataDir>`, in-process, with an empty environment. */
export async function runCliIn(dataDir: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', dataDir], { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
