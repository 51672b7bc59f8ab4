/**
 * The app:// protocol the desktop window loads from (app://factmark/index.html) instead of
 * file://, so the page has no file-system reach: it answers GET for the built renderer's files
 * only, refuses any path that leads outside that folder, and sends the page's CSP as a header.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf, staticFilePath } from '../static-files';
import { CONTENT_SECURITY_POLICY } from '../web/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'factmark';
/** The page the window opens. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure scheme (so 'self', relative URLs and fetch work as on https). */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

/** Whether a URL is on the app's own origin (app://factmark). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** The protocol.handle handler serving `rendererDir` (out/renderer). */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return refuse(404, 'Not found');
    const file = staticFilePath(rendererDir, new URL(request.url).pathname);
    if (!file) return refuse(403, 'Outside the app');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
