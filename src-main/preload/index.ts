/**
 * The preload: exposes one narrow object, window.factmark, through contextBridge. It forwards only
 * operations named in the contract, and menu commands from the app; nothing else of Electron or Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isOperationName, type CallResult } from '../../src-shared/contract';
import { CALL_CHANNEL, MENU_CHANNEL } from '../electron/channels';


const bridge = {
  /** Call a contract operation; names off the contract's list are refused here. */
  invoke(name: string, payload: unknown): Promise<CallResult<unknown>> {
    if (!isOperationName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: `Unknown operation: ${JSON.stringify(String(name).slice(0, 80))}` } });
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, payload) as Promise<CallResult<unknown>>;
  },
  /** Listen for menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: string) => void): () => void {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('factmark', bridge);
