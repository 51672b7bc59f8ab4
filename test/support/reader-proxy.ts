/**
 * Test helper: a loopback proxy in front of pouchdb-server that behaves like a CouchDB database
 * whose _security / validation lets this account read but not write: reads (GET, and the POSTs
 * replication reads with: _revs_diff, _bulk_get, _all_docs, _changes) and replication checkpoints
 * (_local/) pass; every other write gets CouchDB's own 403 {"error":"forbidden","reason":…}.
 */
import { startLoopbackProxy } from './loopback-proxy';

const READ_POSTS = /\/(_revs_diff|_bulk_get|_all_docs|_changes|_find|_explain)(\?|$)/;

export interface ReaderProxy {
  url: string;
  /** Writes refused so far. */
  refused: number;
  close(): Promise<void>;
}

export async function startReaderProxy(target: string): Promise<ReaderProxy> {
  const state = { refused: 0 };
  const proxy = await startLoopbackProxy(target, {
    answer(req, res) {
      const path = req.url ?? '/';
      const isWrite = req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && READ_POSTS.test(path)) && !path.includes('/_local/');
      if (!isWrite) return false;
      state.refused++;
      req.resume();
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'forbidden', reason: 'Only writers may change the team library.' }));
      return true;
    },
  });
  return {
    url: proxy.url,
    get refused() {
      return state.refused;
    },
    close: () => proxy.close(),
  };
}
