/**
 * The browser host: an HTTP server on 127.0.0.1 that serves the built renderer and the contract
 * (POST /api/<operation>). API calls need the per-run token; requests for any other Host, or
 * from another Origin, are refused (DNS rebinding); there is no CORS and bodies are capped.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { CallResult } from '../../src-shared/contract';
import type { Dispatcher } from '../services/dispatch';
import { contentTypeOf, staticFilePath } from '../static-files';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Largest request body accepted (an imported file travels base64-encoded). */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

/** The header that carries the token on API calls. */
export const TOKEN_HEADER = 'x-factmark-token';



const STATUS_BY_CODE: Record<string, number> = {
  'invalid-request': 400,
  'invalid-input': 422,
  'not-found': 404,
  conflict: 409,
  'read-only': 423,
  locked: 423,
  internal: 500,
};

export interface WebServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/web). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open: carries the token in its fragment, which never reaches a server log. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Compare tokens in constant time: both are hashed to the same length first, so neither length nor content leaks. */
function tokensMatch(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The media type of a Content-Type header, without parameters, in lower case ("application/json"). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** decodeURIComponent that answers null for malformed escapes instead of throwing. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendResult(res: ServerResponse, result: CallResult<unknown>, status?: number): void {
  const code = status ?? (result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500));
  send(res, code, JSON.stringify(result), 'application/json; charset=utf-8');
}

function fail(res: ServerResponse, status: number, code: 'invalid-request' | 'internal', message: string): void {
  sendResult(res, { ok: false, error: { code, message } }, status);
}

/**
 * Read a request body up to MAX_BODY_BYTES; null when it is larger. Reading then stops without
 * destroying the socket, so the caller can still answer 413 (and close the connection after).
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolveBody(null);
    };
    req.on('data', onData);
    req.once('end', () => resolveBody(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Answer 413 and drop the connection once the answer is sent (the rest of the body is never read). */
function refuseOversized(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
  fail(res, 413, 'invalid-request', `Request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts: string[] = [];
  let origin = '';

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const file = staticFilePath(options.staticDir, pathname);
    if (file === null) return send(res, 400, 'Bad path');
    try {
      const body = await readFile(file);
      send(res, 200, body, contentTypeOf(file));
    } catch {
      // Unknown paths fall back to the app shell; missing assets are 404.
      if (extname(file)) return send(res, 404, 'Not found');
      try {
        send(res, 200, await readFile(join(options.staticDir, 'index.html')), contentTypeOf('index.html'));
      } catch {
        send(res, 500, 'The renderer is not built: run `npm run build:web` (or `npm run web`, which builds it).');
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Unknown host');
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      return serveStatic(url.pathname, res);
    }
    if (req.method !== 'POST') return fail(res, 405, 'invalid-request', 'API calls must be POST');
    if (req.headers.origin !== undefined && !allowedHosts.some((host) => req.headers.origin === `http://${host}`)) {
      return fail(res, 403, 'invalid-request', 'Requests from other origins are refused');
    }
    const given = req.headers[TOKEN_HEADER];
    if (!tokensMatch(Array.isArray(given) ? given[0] : given, token)) {
      return fail(res, 401, 'invalid-request', 'Missing or out-of-date access token (it is new each time Factmark starts): open the URL that `npm start` or `npm run web` printed in its terminal');
    }
    if (mediaTypeOf(req.headers['content-type']) !== 'application/json') {
      return fail(res, 415, 'invalid-request', 'API calls must send application/json');
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuseOversized(req, res);
    const body = await readBody(req);
    if (body === null) return refuseOversized(req, res);
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return fail(res, 400, 'invalid-request', 'Request body is not valid JSON');
    }
    const name = decodePath(url.pathname.slice('/api/'.length));
    if (name === null) return fail(res, 400, 'invalid-request', 'Malformed operation name');
    sendResult(res, await options.dispatcher.call(name, payload));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, 'internal', `Server error: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `${origin}/`,
    openUrl: `${origin}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
