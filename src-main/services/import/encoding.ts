/**
 * Bytes -> text for import: byte-order marks first, then the declared charset (HTTP header or,
 * for HTML, the <meta charset> pre-scan of the HTML standard), then UTF-8 when the bytes are valid
 * UTF-8, else windows-1252. Decoding is done by iconv-lite.
 */
import { isUtf8 } from 'node:buffer';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { FactmarkError } from '../../../src-shared/contract';

/** The fallback when nothing is declared: UTF-8 if the bytes are valid UTF-8, else windows-1252. */
function undeclaredEncoding(bytes: Uint8Array): string {
  return isUtf8(bytes) ? 'UTF-8' : 'windows-1252';
}

/** Decode bytes in a named encoding (a WHATWG encoding name); BOMs are stripped. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new FactmarkError('invalid-input', `The text is in an encoding Factmark cannot read (${encoding})`);
  }
}

/** The encoding of an HTML byte stream: BOM, then `charsetLabel` (from HTTP), then <meta charset>. */
export function sniffHtml(bytes: Uint8Array, charsetLabel?: string): string {
  return sniffHtmlEncoding(bytes, {
    transportLayerEncodingLabel: charsetLabel || undefined,
    defaultEncoding: undeclaredEncoding(bytes),
  });
}

/** Decode an HTML page the way a browser would pick its encoding. */
export function decodeHtml(bytes: Uint8Array, charsetLabel?: string): string {
  return decodeAs(bytes, sniffHtml(bytes, charsetLabel));
}

/** Decode plain text or Markdown: BOM, then `charsetLabel`, then UTF-8 or windows-1252. */
export function decodePlain(bytes: Uint8Array, charsetLabel?: string): string {
  const encoding = sniffHtmlEncoding(bytes, {
    xml: true, // BOM and transport label only: no <meta> pre-scan for non-HTML text
    transportLayerEncodingLabel: charsetLabel || undefined,
    defaultEncoding: undeclaredEncoding(bytes),
  });
  return decodeAs(bytes, encoding);
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}
