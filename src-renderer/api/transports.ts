/** The two transports: Electron's preload bridge, and HTTP to the browser host with its token. */
import type { CallResult, OperationName } from '../../src-shared/contract';
import type { Transport } from './client';

/** What the Electron preload exposes as window.factmark. */
export interface PreloadBridge {
  invoke(name: string, payload: unknown): Promise<CallResult<unknown>>;
  /** Subscribe to app-menu commands ("import", "export", …); returns an unsubscribe function. */
  onMenuCommand(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    factmark?: PreloadBridge;
  }
}

export function electronTransport(bridge: PreloadBridge): Transport {
  return { invoke: (name, payload) => bridge.invoke(name, payload), onMenuCommand: (listener) => bridge.onMenuCommand(listener) };
}

const TOKEN_KEY = 'factmark.token';

/** The browser host's token: from the URL fragment (#token=…) on first load, then the session. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async invoke(name: OperationName, payload: unknown): Promise<CallResult<unknown>> {
      let response: Response;
      try {
        response = await fetchImpl(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-factmark-token': token },
          body: JSON.stringify(payload),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Factmark is not reachable: is `npm run web` still running?' } };
      }
      try {
        return (await response.json()) as CallResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The host answered ${response.status} without a result` } };
      }
    },
  };
}
