/**
 * Test helper: a loopback proxy in front of pouchdb-server that passes everything through and
 * records what each `_changes` request handed back (its query and the document ids of its rows),
 * so a test can tell which replication walked which documents.
 */
import { createServer, request, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

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
  const upstream = new URL(target);
  const reads: ChangesRead[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const url = new URL(path, 'http://proxy');
    const watched = url.pathname.endsWith('/_changes');
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      const chunks: Buffer[] = [];
      if (watched) answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (!watched) return;
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
    reads,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
