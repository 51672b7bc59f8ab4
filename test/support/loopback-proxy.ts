/**
 * Test helper: a loopback HTTP proxy in front of a server (pouchdb-server in the sync tests) that
 * forwards every request, unless `answer` answers it itself, and lets `watch` see each upstream
 * answer as it is passed on. The reader and changes proxies are built on it.
 */
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { startServer, type TestServer } from './http';

export interface ProxyHooks {
  /** Answer a request here instead of forwarding it; true when it did. */
  answer?(req: IncomingMessage, res: ServerResponse): boolean;
  /** An upstream answer to the request for `path`, before it is piped back. */
  watch?(path: string, answer: IncomingMessage): void;
}

export function startLoopbackProxy(target: string, hooks: ProxyHooks): Promise<TestServer> {
  const upstream = new URL(target);
  return startServer((req, res) => {
    if (hooks.answer?.(req, res)) return;
    const path = req.url ?? '/';
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      hooks.watch?.(path, answer);
      answer.pipe(res);
    });
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
}
