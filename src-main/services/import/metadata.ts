/**
 * Article metadata from a web page: title, byline, publisher, published date, canonical URL and
 * language, read from JSON-LD (NewsArticle and other Article types), Open Graph and other meta
 * tags, then Readability's findings, then the page itself. Values are cleaned and cut to the
 * lengths the model allows.
 */
import { ArticleMeta, type ArticleMetaFields } from '../../../src-shared/model';
import { webUrl } from '../../../src-shared/url-safety';

/** What Readability found (the subset we use). */
export interface ReadabilityFindings {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

type MetaDraft = Partial<Record<keyof ArticleMetaFields, string | undefined>>;

const ARTICLE_TYPE = /(Article|BlogPosting|Report|LiveBlogPosting)$/;

/** Collapse whitespace; undefined for empty. */
function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** The first defined value. */
function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** An absolute http(s) URL without its fragment, or undefined. */
export function normaliseUrl(value: string | undefined, base?: string): string | undefined {
  const url = value ? webUrl(value.trim(), base) : null;
  if (!url) return undefined;
  url.hash = '';
  return url.href;
}

/** A BCP 47 language tag ("en_US" -> "en-US"), or undefined when it does not look like one. */
export function normaliseLanguage(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/** Names from a JSON-LD person/organisation value: "A", {name}, or a list of them. */
function ldNames(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((v) => (typeof v === 'string' ? clean(v) : clean((v as { name?: unknown } | null)?.name)))
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  return names.length ? names.join(', ') : undefined;
}

/** A JSON-LD URL-ish value: "https://..", {"@id": ..} or {url: ..}. */
function ldUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const v = value as { '@id'?: unknown; url?: unknown } | null;
  return typeof v?.['@id'] === 'string' ? v['@id'] : typeof v?.url === 'string' ? v.url : undefined;
}

/** Every object in the page's JSON-LD blocks, flattening arrays and @graph. */
function jsonLdObjects(document: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value as Record<string, unknown>);
      const graph = (value as { '@graph'?: unknown })['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is ignored; the other sources still apply
    }
  }
  return out;
}

/** The page's first JSON-LD object of an Article type (NewsArticle, BlogPosting, ...). */
function jsonLdArticle(document: Document): Record<string, unknown> | undefined {
  return jsonLdObjects(document).find((o) => {
    const type = o['@type'];
    return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  });
}

/** Metadata from JSON-LD. */
function fromJsonLd(document: Document): MetaDraft {
  const ld = jsonLdArticle(document);
  if (!ld) return {};
  const language = ld.inLanguage;
  return {
    title: clean(ld.headline) ?? clean(ld.name),
    byline: ldNames(ld.author),
    publisher: ldNames(ld.publisher),
    publishedAt: clean(ld.datePublished) ?? clean(ld.dateCreated),
    sourceUrl: ldUrl(ld.url) ?? ldUrl(ld.mainEntityOfPage),
    language: typeof language === 'string' ? language : ldNames(language),
  };
}

/** Every <meta> value by its lower-case property, name, itemprop or http-equiv (the first of each wins). */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const value = clean(el.getAttribute('content'));
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, value);
    }
  }
  return values;
}

/** Metadata from <meta>, <link rel=canonical>, <title> and <html lang>. */
function fromTags(document: Document): MetaDraft {
  const values = metaValues(document);
  const meta = (...keys: string[]): string | undefined => keys.map((key) => values.get(key.toLowerCase())).find(Boolean);
  const author = meta('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author');
  return {
    title: meta('og:title', 'twitter:title', 'dc.title', 'parsely-title') ?? clean(document.title),
    byline: author && !/^https?:/.test(author) ? author : undefined,
    publisher: meta('og:site_name', 'application-name', 'publisher', 'dc.publisher'),
    publishedAt: meta(
      'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued',
      'dcterms.created', 'citation_publication_date', 'parsely-pub-date', 'sailthru.date',
    ) ?? clean(document.querySelector('time[datetime][pubdate], time[itemprop="datePublished" i]')?.getAttribute('datetime')),
    sourceUrl: clean(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ?? meta('og:url', 'twitter:url'),
    language: clean(document.documentElement?.getAttribute('lang')) ?? meta('content-language', 'og:locale', 'dc.language'),
  };
}

/**
 * Read a page's metadata. Earlier sources win: JSON-LD, then meta tags and the page itself.
 * `pageUrl` is where the page was fetched from; relative canonical URLs resolve against it, and
 * it is the source URL when the page names none. Read it before Readability changes the document.
 */
export function pageMetadata(document: Document, options: { pageUrl?: string } = {}): MetaDraft {
  const sources = [fromJsonLd(document), fromTags(document)];
  const pick = (key: keyof ArticleMetaFields) => first(...sources.map((s) => s[key]));
  const base = normaliseUrl(options.pageUrl);
  const canonical = sources.map((s) => normaliseUrl(s.sourceUrl, base)).find(Boolean);
  return {
    title: pick('title'),
    byline: pick('byline'),
    publisher: pick('publisher'),
    publishedAt: pick('publishedAt'),
    sourceUrl: canonical ?? base,
    language: normaliseLanguage(pick('language')),
  };
}

/** Fill the gaps in `draft` with what Readability found (its title is cleaner than <title>, so it wins over that). */
export function withReadability(draft: MetaDraft, found: ReadabilityFindings, documentTitle: string | undefined): MetaDraft {
  const titleFromTagOnly = draft.title !== undefined && draft.title === clean(documentTitle);
  return {
    ...draft,
    title: (titleFromTagOnly ? clean(found.title) : undefined) ?? draft.title ?? clean(found.title),
    byline: draft.byline ?? clean(found.byline),
    publisher: draft.publisher ?? clean(found.siteName),
    publishedAt: draft.publishedAt ?? clean(found.publishedTime),
    language: draft.language ?? normaliseLanguage(clean(found.lang)),
  };
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** Where a date or time starts in a byline ("By Lee Chen | Updated March 1, 2026, 10:02"). */
const DATE_IN_BYLINE = new RegExp(
  [
    '\\b(?:updated|published|posted|last modified)\\b',
    `\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+(?=\\d|${MONTH})`,
    `\\b${MONTH}\\s+\\d{1,2}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}(?:\\s+\\d{4})?`,
    '\\b\\d{4}-\\d{2}-\\d{2}',
    '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b',
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\b\\d+\\s+(?:minutes?|hours?|days?|weeks?)\\s+ago\\b',
  ].join('|'),
  'i',
);

/** A byline as a name list: without a leading "By" and the date and time pages print beside it; undefined when it held only a date. */
export function tidyByline(byline: string | undefined): string | undefined {
  if (!byline) return byline;
  const named = byline.replace(/^by\b[\s:]*/i, '');
  const match = DATE_IN_BYLINE.exec(named);
  const kept = (match ? named.slice(0, match.index) : named).replace(/(?:[\s|•·,;:–—-]|\b(?:on|at)\b)+$/i, '').trim();
  return kept || undefined;
}

/** Fill every metadata field: cleaned, cut to the model's limits, title falling back to `fallbackTitle`. */
export function completeMeta(draft: MetaDraft, fallbackTitle: string): ArticleMetaFields {
  const limit = (key: 'title' | 'byline' | 'publisher' | 'publishedAt'): string => {
    const max = ArticleMeta.shape[key].maxLength ?? 500;
    const value = clean(draft[key]) ?? '';
    return value.length > max ? `${value.slice(0, max - 1)}…` : value;
  };
  const title = limit('title') || clean(fallbackTitle)?.slice(0, 500) || 'Untitled article';
  return {
    title,
    byline: tidyByline(limit('byline')) ?? '',
    publisher: limit('publisher'),
    sourceUrl: [normaliseUrl(draft.sourceUrl) ?? ''].map((u) => (u.length <= 4_000 ? u : ''))[0],
    publishedAt: limit('publishedAt'),
    language: normaliseLanguage(draft.language)?.slice(0, 35) ?? '',
  };
}

export type { MetaDraft };

/** `base` with every field that `override` has a value for replaced. */
export function overrideMeta(base: MetaDraft, override: MetaDraft): MetaDraft {
  return { ...base, ...Object.fromEntries(Object.entries(override).filter(([, v]) => v)) };
}
