/**
 * `npm run dist`: build the app and package it with electron-builder for this system (AppImage and
 * .deb on Linux, .dmg on macOS, an NSIS installer on Windows; see electron-builder.ts). The
 * builder's own output goes to dist/build.log; this prints one line for the outcome, and says so
 * plainly when Electron (or a packaging tool) could not be downloaded.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './launch/host';

export const LOG_FILE = join(REPO_ROOT, 'dist', 'build.log');

/** Network failures as Node, got and electron-builder's tools report them. */
const DOWNLOAD_FAILURE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|CERT_[A-Z_]+|UNABLE_TO_GET_ISSUER_CERT\w*|self[- ]signed certificate)\b|Response code (?:4|5)\d\d|cannot download|download(?:ing)? failed/i;
/** electron-builder marks its fatal error with ⨯. */
const FATAL = /⨯\s*(.+)/;

/** The one line `dist` prints for a failed packaging run, from the builder's output. */
export function failureLine(output: string): string {
  const fatal = FATAL.exec(output)?.[1].replace(/\s+failedTask=.*$/, '').trim();
  const where = `full log: ${relative(process.cwd(), LOG_FILE) || LOG_FILE}`;
  if (DOWNLOAD_FAILURE.test(output)) {
    const reason = fatal ?? DOWNLOAD_FAILURE.exec(output)![0];
    return `factmark dist: no installer made: Electron or a packaging tool could not be downloaded (${reason}); packaging needs that download, so run it where it is allowed (${where})`;
  }
  return `factmark dist: packaging failed: ${fatal ?? 'see the log'} (${where})`;
}

/** Run a command, its output appended to the log; its exit code and output. */
function logged(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const log = createWriteStream(LOG_FILE, { flags: 'a' });
    log.write(`\n$ ${command} ${args.join(' ')}\n`);
    let output = '';
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const take = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', (error) => log.end(() => resolve({ code: 1, output: `${output}\n⨯ ${error.message}` })));
    child.once('close', (code) => log.end(() => resolve({ code: code ?? 1, output })));
  });
}

export async function dist(print: (line: string) => void = console.log): Promise<number> {
  await mkdir(join(REPO_ROOT, 'dist'), { recursive: true });
  print('Building Factmark and packaging it for this system…');
  const build = await logged('npx', ['electron-vite', 'build']);
  if (build.code !== 0) {
    print(`factmark dist: the app did not build (full log: ${LOG_FILE})`);
    return build.code;
  }
  const pack = await logged('npx', ['electron-builder', '--publish', 'never']);
  if (pack.code !== 0) {
    print(failureLine(pack.output));
    return pack.code;
  }
  const made = [...pack.output.matchAll(/building\s+.*?file=(\S+)/g)].map((m) => m[1]);
  print(`Installers in dist/: ${made.length ? made.map((file) => file.replace(/^dist[/\\]/, '')).join(', ') : 'see the log'}`);
  return 0;
}

if (process.argv[1] && /dist\.ts$/.test(process.argv[1])) void dist().then((code) => process.exit(code));
