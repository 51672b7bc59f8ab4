/** The real seams of `npm start` (see start.ts): Electron's binary and installer, the display, the two hosts, the browser opener. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningWebHost, StartHost } from './start';

const require = createRequire(import.meta.url);
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** An Electron that ends sooner than this after launch, with an error, did not come up. */
const LAUNCH_GRACE_MS = 5_000;

/** The Electron binary's path, or null when it was never downloaded. */
export function electronBinary(): string | null {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Whether a window can be shown: a display server on Linux and the BSDs; always on macOS and Windows. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The first line of an error output worth showing (the message above its stack). */
export function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('at ')) ?? 'no reason given';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Resolves with a child's exit code (1 when it could not be started or died by a signal). */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
}

function run(command: string, args: string[], cwd = REPO_ROOT): Promise<number> {
  return exitOf(spawn(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' }));
}

export async function installElectron(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ok: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  const child = spawn(process.execPath, [require.resolve('electron/install.js')], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const code = await exitOf(child);
  return code === 0 ? { ok: true } : { ok: false, reason: firstLine(errors) };
}

export async function runDesktop(binary: string): Promise<{ code: number; failedAtLaunch: boolean }> {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  const code = await exitOf(spawn(binary, ['.'], { cwd: REPO_ROOT, stdio: 'inherit', env }));
  return { code, failedAtLaunch: code !== 0 && Date.now() - started < LAUNCH_GRACE_MS };
}

/** The browser host's URL with its token, as src-main/web/main.ts prints it. */
const HOST_URL = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;

/**
 * Start src-main/web/main.ts (after building the renderer, unless `build` is false), passing its
 * output through; resolves once it has printed its URL, rejects if it ends first.
 */
export async function startWebHost(options: { build?: boolean; args?: string[]; cwd?: string } = {}): Promise<RunningWebHost> {
  if (options.build !== false) {
    const built = await run('npm', ['run', '-s', 'build:web']);
    if (built !== 0) throw new Error(`building the renderer failed (exit code ${built})`);
  }
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(REPO_ROOT, 'src-main/web/main.ts'), ...(options.args ?? [])], {
    cwd: options.cwd ?? REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = exitOf(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      seen += chunk.toString('utf8');
      const match = HOST_URL.exec(seen);
      if (match) resolve(match[0]);
    });
    void exited.then((code) => reject(new Error(`the browser host stopped (exit code ${code})`)));
  });
  return { url, exited, stop: () => void child.kill('SIGTERM') };
}

/** The system's browser opener: open (macOS), start (Windows), xdg-open (Linux, where installed). */
export function browserOpener(platform: NodeJS.Platform = process.platform, path = process.env.PATH ?? ''): ((url: string) => ChildProcess) | null {
  const detached = { stdio: 'ignore', detached: true } as const;
  if (platform === 'darwin') return (url) => spawn('open', [url], detached);
  if (platform === 'win32') return (url) => spawn('cmd', ['/c', 'start', '""', `"${url}"`], { ...detached, windowsVerbatimArguments: true });
  const xdgOpen = path.split(delimiter).filter(Boolean).map((dir) => join(dir, 'xdg-open')).find((file) => existsSync(file));
  return xdgOpen ? (url) => spawn(xdgOpen, [url], detached) : null;
}

export function openBrowser(url: string): boolean {
  const opener = browserOpener();
  if (!opener) return false;
  const child = opener(url);
  child.on('error', () => undefined);
  child.unref();
  return true;
}

export function realStartHost(): StartHost {
  return {
    hasDisplay: () => hasDisplay(),
    electronBinary,
    installElectron,
    buildDesktop: () => run('npx', ['electron-vite', 'build']),
    runDesktop,
    startWeb: () => startWebHost(),
    openBrowser,
    log: (line) => console.log(line),
  };
}
