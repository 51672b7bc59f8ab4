/** The only file that touches ipcMain: one channel for contract calls, with the sender checked. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../src-shared/contract';
import type { Dispatcher } from '../services/dispatch';
import { CALL_CHANNEL } from './channels';


export function registerIpc(dispatcher: Dispatcher, isTrustedSender: (url: string) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, payload: unknown): Promise<CallResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) {
      return { ok: false, error: { code: 'invalid-request', message: 'Calls are only accepted from Factmark’s own window' } };
    }
    return dispatcher.call(name, payload);
  });
}
