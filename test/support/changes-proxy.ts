/**
 * Test helper: a loopback proxy in front of pouchdb-server that passes everything through and
 * records what each `_changes` request handed back (its query and the document ids of its rows),
 * so a test can tell which replication walked which documents.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { startLoopbackProxy } from './loopback-proxy';

export interface ChangesRead {
  query: URLSearchParams;
  ids: string[];
}

export interface ChangesProxy {
  url: string;
  /** Every finished `_changes` answer so far, in order. */
  reads: ChangesRead[];
  close(): Promise<void>;
}

export async function startChangesProxy(target: string): Promise<ChangesProxy> {
  const reads: ChangesRead[] = [];
  const proxy = await startLoopbackProxy(target, {
    watch(path, answer) {
      const url = new URL(path, 'http://proxy');
      if (!url.pathname.endsWith('/_changes')) return;
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        try {
          const encoding = answer.headers['content-encoding'];
          const raw = Buffer.concat(chunks);
          const text = (encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw).toString('utf8');
          const body = JSON.parse(text) as { results?: Array<{ id: string }> };
          reads.push({ query: url.searchParams, ids: (body.results ?? []).map((row) => row.id) });
        } catch {
          // not a finished JSON answer (a live feed cut off): nothing to record
        }
      });
    },
  });
  return { url: proxy.url, reads, close: () => proxy.close() };
}
