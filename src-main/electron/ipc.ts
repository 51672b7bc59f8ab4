/** The only file that registers on ipcMain: one channel for contract calls, with the sender checked. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../src-shared/contract';
import type { Dispatcher } from '../services/dispatch';
import { isAppUrl } from './app-protocol';
import { CALL_CHANNEL } from './channels';

/**
 * Whether a calling frame is the app's own page: app://factmark/ in a packaged (or built) run;
 * in development, a page whose origin is exactly the dev server's (no prefix match, so neither
 * http://localhost:51730 nor http://localhost:5173.evil.example passes for http://localhost:5173).
 */
export function trustedSender(devServerUrl: string | null): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return (url) => {
    if (!devOrigin) return isAppUrl(url);
    try {
      return new URL(url).origin === devOrigin;
    } catch {
      return false;
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, isTrustedSender: (url: string) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, payload: unknown): Promise<CallResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) {
      return { ok: false, error: { code: 'invalid-request', message: 'Calls are only accepted from Factmark’s own window' } };
    }
    return dispatcher.call(name, payload);
  });
}
