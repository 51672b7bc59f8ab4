/** Serving a built page from a folder (the browser host and the desktop app's app:// protocol): a URL path to a file inside it, never outside, and its content type. */
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root` ("/" is index.html), or null when the path is malformed
 * (bad %-escapes, a NUL) or leads outside `root` (../, %2e%2e%2f, an absolute or drive path).
 */
export function staticFilePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const inside = relative(base, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  return inside === '' ? join(base, 'index.html') : file;
}
