/**
 * Fetch a page for import with Node's fetch: http(s) only, a 10-second limit, at most 25 MB,
 * and one-line errors ("Could not reach https://x: getaddrinfo ENOTFOUND x").
 */
import { FactmarkError } from '../../../src-shared/contract';
import { parseUrl, webUrl } from '../../../src-shared/url-safety';
import { MAX_IMPORT_BYTES } from './input-checks';

export interface FetchedPage {
  bytes: Buffer;
  /** The Content-Type header ('' when missing). */
  contentType: string;
  /** The address after redirects. */
  url: string;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** How long a fetch may take, headers and body together. */
export const FETCH_TIMEOUT_MS = 10_000;

/** The most specific reason a fetch failed: "getaddrinfo ENOTFOUND x", "connect ECONNREFUSED ...". */
function reason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: unknown };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e?.cause as (Error & { code?: string; errors?: Error[] }) | undefined;
  const detail = cause?.message || cause?.errors?.[0]?.message || cause?.code || e?.message || String(error);
  return detail.split('\n')[0];
}

/** Check that `raw` is an absolute http(s) URL. */
export function parseHttpUrl(raw: string): URL {
  const url = parseUrl(raw.trim());
  if (!url) throw new FactmarkError('invalid-input', `${JSON.stringify(raw.slice(0, 200))} is not a web address`);
  if (!webUrl(url.href)) throw new FactmarkError('invalid-input', `Only http and https addresses can be imported, not ${url.protocol}`);
  return url;
}

/** Read a response body, stopping as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, label: string): Promise<Buffer> {
  const tooBig = () => new FactmarkError('invalid-input', `${label} is over ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fetch `raw`; throws invalid-input with a one-line message when it cannot be imported. */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const url = parseHttpUrl(raw).href;
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'user-agent': 'Factmark (article import)',
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new FactmarkError('invalid-input', `${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const bytes = await readCapped(response, options.maxBytes ?? MAX_IMPORT_BYTES, url);
    return { bytes, contentType: response.headers.get('content-type') ?? '', url: response.url || url };
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw new FactmarkError('invalid-input', `Could not reach ${url}: ${reason(error, timeoutMs)}`);
  }
}
