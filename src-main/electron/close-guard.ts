/**
 * Closing the window never drops a change the page is still saving. The page holds its unload
 * (beforeunload) while a claim change is on its way to the host; Electron then cancels the close
 * and reports it (will-prevent-unload). Here a close is tried again shortly, until the page lets
 * go or GIVE_UP_MS have passed, when the window closes anyway. Unloads that are not a close (a
 * reload) are left cancelled.
 */

/** How soon a held close is tried again, in ms. */
export const RETRY_MS = 100;
/** How long a close waits for the page's saves before closing anyway, in ms. */
export const GIVE_UP_MS = 5_000;

/** What the guard needs of a BrowserWindow. */
export interface GuardedWindow {
  close(): void;
  isDestroyed(): boolean;
  on(event: 'close', listener: () => void): unknown;
  webContents: { on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown };
}

export function guardClose(win: GuardedWindow, now: () => number = Date.now): void {
  /** When the close being held was first asked for; null when no close is under way. */
  let closingSince: number | null = null;
  win.on('close', () => {
    closingSince ??= now();
  });
  win.webContents.on('will-prevent-unload', (event) => {
    if (closingSince === null) return;
    if (now() - closingSince >= GIVE_UP_MS) {
      event.preventDefault(); // let the page unload after all
      return;
    }
    setTimeout(() => {
      if (!win.isDestroyed()) win.close();
    }, RETRY_MS);
  });
}

/** Close every window (each waiting for its page's saves, see guardClose); resolves once all are closed, or after a time limit. */
export function closeAll(windows: readonly (GuardedWindow & { once(event: 'closed', listener: () => void): unknown })[]): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, GIVE_UP_MS + 1_000)));
  const each = windows.map(
    (win) =>
      new Promise<void>((resolve) => {
        if (win.isDestroyed()) return resolve();
        win.once('closed', () => resolve());
        win.close();
      }),
  );
  return Promise.race([Promise.all(each).then(() => undefined), limit]).finally(() => clearTimeout(timer));
}
