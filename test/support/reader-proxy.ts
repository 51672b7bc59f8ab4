/**
 * Test helper: a loopback proxy in front of pouchdb-server that behaves like a CouchDB database
 * whose _security / validation lets this account read but not write: reads (GET, and the POSTs
 * replication reads with: _revs_diff, _bulk_get, _all_docs, _changes) and replication checkpoints
 * (_local/) pass; every other write gets CouchDB's own 403 {"error":"forbidden","reason":…}.
 */
import { createServer, request, type Server } from 'node:http';

const READ_POSTS = /\/(_revs_diff|_bulk_get|_all_docs|_changes|_find|_explain)(\?|$)/;

export interface ReaderProxy {
  url: string;
  /** Writes refused so far. */
  refused: number;
  close(): Promise<void>;
}

export async function startReaderProxy(target: string): Promise<ReaderProxy> {
  const upstream = new URL(target);
  const state = { refused: 0 };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const isWrite = req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && READ_POSTS.test(path)) && !path.includes('/_local/');
    if (isWrite) {
      state.refused++;
      req.resume();
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'forbidden', reason: 'Only writers may change the team library.' }));
      return;
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
