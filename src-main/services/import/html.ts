/**
 * HTML -> article: parse with jsdom (no scripts run, nothing is loaded), read the page's
 * metadata, extract the article body with Readability (for whole web pages), sanitise it with
 * DOMPurify, and convert the DOM to the article schema. Saved pages, fetched pages, Word files,
 * Markdown and pastes all come through here.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { FactmarkError } from '../../../src-shared/contract';
import type { Converted, Converter } from './converted';
import { hasArticleText } from './boilerplate';
import { removeBylineBlock } from './byline-block';
import { limitNesting } from './deep-nesting';
import { charsetOf, decodeHtml } from './encoding';
import { sanitisedToDoc, leadingHeading } from './html-to-doc';
import { checkDecodedText, checkTextual } from './input-checks';
import { normaliseUrl, pageMetadata, withReadability, type MetaDraft } from './metadata';
import { sanitiseInPlace } from './sanitise';

export interface HtmlOptions {
  /** Names the input in messages: "report.html", "The pasted text". */
  label: string;
  /** true for a whole web page (find the article in it); false for a fragment that is all article. */
  extract: boolean;
  /** Where the page came from; relative links and canonical URLs resolve against it. */
  pageUrl?: string;
}

/** Parse HTML into a jsdom window whose document URL is `url` (about:blank without one); deep nesting is flattened first. */
export function parseHtml(html: string, url?: string): JSDOM {
  return new JSDOM(limitNesting(html), { url: normaliseUrl(url), virtualConsole: new VirtualConsole() });
}

/** The error for input with nothing to import. */
function noText(label: string, extract: boolean): FactmarkError {
  return new FactmarkError('invalid-input', extract ? `No article text found in ${label}` : `${label} has no text to import`);
}

/** Convert an HTML string. Throws invalid-input when no article text is found. */
export function convertHtml(html: string, options: HtmlOptions): Converted {
  const dom = parseHtml(html, options.pageUrl);
  try {
    const { window } = dom;
    const document = window.document;
    const pageBase = documentBase(document);
    let meta: MetaDraft = {};
    let root: Node | null = document.body;
    if (options.extract) {
      const documentTitle = document.title;
      meta = pageMetadata(document, { pageUrl: options.pageUrl }); // before Readability changes the document
      if (!hasArticleText(document)) throw noText(options.label, true); // only menus, headers and footers
      if (meta.byline !== undefined && document.body) removeBylineBlock(document.body); // Readability keeps it when the metadata names the author
      const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
      if (!article?.content || !article.textContent?.trim()) throw noText(options.label, true);
      meta = withReadability(meta, article, documentTitle);
      root = article.content;
    }
    if (!root) throw noText(options.label, options.extract);
    const container = detachedContainer(document, root);
    const base = pageBase ?? meta.sourceUrl;
    const doc = sanitisedToDoc(sanitiseInPlace(window as unknown as Window, container), base);
    if (!doc) throw noText(options.label, options.extract);
    return { meta: { ...meta, title: meta.title ?? leadingHeading(doc) }, doc };
  } finally {
    dom.window.close();
  }
}

/** `root` as a detached <div>: Readability's own wrapper div as it is, else a new div holding root's children. */
function detachedContainer(document: Document, root: Node): HTMLElement {
  if (root instanceof document.defaultView!.HTMLDivElement && !root.parentNode) return root;
  const container = document.createElement('div');
  container.append(...Array.from(root.childNodes));
  return container;
}

/** The document's base URL when it is a real http(s) address (from its URL or a <base> element). */
function documentBase(document: Document): string | undefined {
  return normaliseUrl(document.baseURI);
}

/** A saved or fetched web page: its declared charset is honoured, then the article is extracted. */
export const convertHtmlPage: Converter = (bytes, source) => {
  checkTextual(bytes, source.label);
  const html = decodeHtml(bytes, charsetOf(source.contentType));
  checkDecodedText(html, source.label);
  return convertHtml(html, { label: source.label, extract: true, pageUrl: source.url });
};
