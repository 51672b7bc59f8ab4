/** Start the real browser host (`src-main/web/main.ts`) on a temp data folder and a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebHost {
  dataDir: string;
  /** The printed URL, with the token in its fragment. */
  openUrl: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Start a host; pass `dataDir` to reuse a folder, else a new temp folder is made (and removed on stop). */
export async function startWebHost(options: { dataDir?: string } = {}): Promise<WebHost> {
  if (!existsSync('out/web/index.html')) throw new Error('Build the renderer first: npm run build:web');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'factmark-e2e-')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web/main.ts', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FACTMARK_DATA_DIR: '' },
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}):\n${output}`)));
  });
  const url = new URL(openUrl);
  return {
    dataDir,
    openUrl,
    origin: url.origin,
    token: url.hash.replace('#token=', ''),
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
