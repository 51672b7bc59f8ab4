/**
 * `npm start`'s decision: open the desktop app where Electron can run, else the browser host.
 * Electron's binary is not part of `npm install` (its postinstall is not allowed to run); the first
 * start downloads it with Electron's own install.js. Where that download is blocked, or there is
 * no display to show a window on, the browser host starts instead, prints its URL and opens it in
 * the system's browser where there is an opener. Every outside effect is a seam (StartHost).
 */

/** What a started browser host gives back: its URL (with the token) and its end. */
export interface RunningWebHost {
  url: string;
  exited: Promise<number>;
  /** Ask it to stop (it flushes and releases the library first). */
  stop(): void;
}

/** The outside world of `npm start`. */
export interface StartHost {
  /** Whether a window can be shown (a display on Linux; always on macOS and Windows). */
  hasDisplay(): boolean;
  /** The installed Electron binary, or null. */
  electronBinary(): string | null;
  /** Download Electron's binary (Electron's install.js); the reason in a line when it fails. */
  installElectron(): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Build the desktop app (electron-vite build); its exit code. */
  buildDesktop(): Promise<number>;
  /** Run the app in Electron; its exit code and whether it ended within moments of launch (did not come up). */
  runDesktop(binary: string): Promise<{ code: number; failedAtLaunch: boolean }>;
  /** Build and start the browser host; resolves once it listens. */
  startWeb(): Promise<RunningWebHost>;
  /** Open a URL in the system's browser; false where there is no opener. */
  openBrowser(url: string): boolean;
  log(line: string): void;
}

/** Why the desktop app cannot run here, or null when it can (downloading Electron on the first start). */
export async function desktopBlocker(host: StartHost): Promise<string | null> {
  if (!host.hasDisplay()) return 'there is no display to open a window on';
  if (host.electronBinary()) return null;
  host.log('Downloading Electron for the desktop app (first start only)…');
  const installed = await host.installElectron();
  if (!installed.ok) return `its download failed: ${installed.reason}`;
  return host.electronBinary() ? null : 'its download left no binary';
}

/** Start the browser host and open it; resolves with the host's exit code once it stops. */
async function startBrowserHost(host: StartHost, reason: string): Promise<number> {
  host.log(`Electron cannot run here (${reason}): starting Factmark in your browser instead.`);
  const web = await host.startWeb();
  // Without a display there is no browser to open (an opener would start a terminal browser).
  if (host.hasDisplay() && host.openBrowser(web.url)) host.log('Opened it in your browser. Press Ctrl+C here to stop Factmark.');
  else host.log(`Open this URL in your browser: ${web.url}\nPress Ctrl+C here to stop Factmark.`);
  return web.exited;
}

/** `npm start`: the desktop app, or the browser host where Electron cannot run; the exit code. */
export async function start(host: StartHost): Promise<number> {
  const blocker = await desktopBlocker(host);
  if (blocker) return startBrowserHost(host, blocker);
  const built = await host.buildDesktop();
  if (built !== 0) return built;
  const binary = host.electronBinary()!;
  const run = await host.runDesktop(binary);
  if (run.failedAtLaunch) return startBrowserHost(host, `it stopped at launch with exit code ${run.code}`);
  return run.code;
}
