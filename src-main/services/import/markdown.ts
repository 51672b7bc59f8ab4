/**
 * Markdown -> article: optional front matter for metadata, markdown-it to HTML (inline HTML
 * allowed, since it goes through the same sanitiser as any page), then the HTML fragment path.
 */
import MarkdownIt from 'markdown-it';
import type { Converter } from './converted';
import { charsetOf, decodePlain } from './encoding';
import { convertHtml } from './html';
import { checkDecodedText, checkTextual } from './input-checks';
import { overrideMeta, type MetaDraft } from './metadata';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** Front-matter keys read as metadata. */
const FRONT_MATTER_KEYS: Record<string, keyof MetaDraft> = {
  title: 'title',
  author: 'byline',
  authors: 'byline',
  byline: 'byline',
  publisher: 'publisher',
  site: 'publisher',
  date: 'publishedAt',
  published: 'publishedAt',
  url: 'sourceUrl',
  canonical: 'sourceUrl',
  canonical_url: 'sourceUrl',
  lang: 'language',
  language: 'language',
};

/** Split "---\nkey: value\n---\nbody" into simple key: value metadata and the body. */
export function splitFrontMatter(text: string): { meta: MetaDraft; body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: MetaDraft = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    const key = pair && FRONT_MATTER_KEYS[pair[1].toLowerCase()];
    if (key && pair) meta[key] = pair[2].trim().replace(/^(["'])(.*)\1$/, '$2') || undefined;
  }
  return { meta, body: text.slice(match[0].length) };
}

/** A .md file: headings, lists, emphasis, links and quotes map to the article schema. */
export const convertMarkdown: Converter = (bytes, source) => {
  checkTextual(bytes, source.label);
  const text = decodePlain(bytes, charsetOf(source.contentType));
  checkDecodedText(text, source.label);
  const { meta, body } = splitFrontMatter(text);
  const converted = convertHtml(markdown.render(body), { label: source.label, extract: false, pageUrl: source.url });
  return { doc: converted.doc, meta: overrideMeta(converted.meta, meta) };
};
