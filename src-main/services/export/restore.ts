/**
 * Restore an export into the library exactly as it was exported: a Factmark JSON export, or a W3C
 * export together with its article(s). Everything is parsed and checked first (documents against
 * the schema, text hashes, every claim's range against its text, no id already in the library);
 * only then is anything written, so a bad file changes nothing.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError, FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../../src-shared/contract';
import { Article, type ArticleRecord, type ClaimRecord } from '../../../src-shared/model';
import { docText } from '../../../src-shared/text';
import { SCHEMA_VERSION, summarise } from '../../store/files';
import type { ServiceContext } from '../context';
import { hashText, parseDoc } from '../documents';
import { FactmarkExport } from './json';
import { claimsFromAnnotations } from './w3c';
import { W3cAnnotationCollection } from './w3c-schema';

interface Entry {
  article: ArticleRecord;
  claims: ClaimRecord[];
}

/** Parse JSON text and check it against a schema; any failure is one invalid-input line naming `what`. */
function parseAs<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FactmarkError('invalid-input', `The ${what} is not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new FactmarkError('invalid-input', `The ${what} is not valid: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** The article file given with a W3C export: a Factmark JSON export, `show --json` output, one article, or a list. */
const ArticleSource = z.union([
  FactmarkExport.transform((e) => e.articles.map((a) => a.article)),
  z.object({ article: Article }).passthrough().transform((o) => [o.article]),
  Article.transform((a) => [a]),
  z.array(Article).min(1),
]);

/** The article's plain text, after checking its document and its text hash. */
function checkedText(article: ArticleRecord): string {
  const text = docText(parseDoc(article.doc));
  if (hashText(text) !== article.textHash) {
    throw new FactmarkError('invalid-input', `Article ${article.id}: its text does not match its textHash (the file was changed after export)`);
  }
  return text;
}

function checkClaims(entry: Entry, text: string): void {
  const ids = new Set<string>();
  for (const c of entry.claims) {
    if (c.articleId !== entry.article.id) throw new FactmarkError('invalid-input', `Claim ${c.id} names article ${c.articleId}, but it is listed under ${entry.article.id}`);
    if (ids.has(c.id)) throw new FactmarkError('invalid-input', `Claim id ${c.id} appears twice in article ${entry.article.id}`);
    ids.add(c.id);
    const { start, end } = c.target.position;
    if (end > text.length || text.slice(start, end) !== c.target.quote.exact) {
      throw new FactmarkError('invalid-input', `Claim ${c.id}: its range ${start}-${end} does not hold its quote in the article’s text`);
    }
  }
}

/** The entries of the request, parsed and fully checked, with each article's text. */
function readEntries(req: ParsedRequestOf<'export.restore'>): Entry[] {
  if (req.format === 'json') {
    if (req.article !== undefined) throw new FactmarkError('invalid-input', 'A Factmark JSON export holds its articles; give no separate article file');
    const data = parseAs(req.content, FactmarkExport, 'Factmark JSON export');
    for (const e of data.articles) checkClaims(e, checkedText(e.article));
    return data.articles;
  }
  if (req.article === undefined) {
    throw new FactmarkError('invalid-input', 'A W3C export does not hold the article’s text: give the article too (its Factmark JSON export or `show --json` output)');
  }
  const articles = parseAs(req.article, ArticleSource, 'article file');
  const texts = new Map(articles.map((a) => [a.id, checkedText(a)]));
  const collection = parseAs(req.content, W3cAnnotationCollection, 'W3C Web Annotation export');
  const claimsByArticle = claimsFromAnnotations(collection, texts);
  const entries = articles.map((article) => ({ article, claims: claimsByArticle.get(article.id) ?? [] }));
  for (const e of entries) checkClaims(e, texts.get(e.article.id)!);
  return entries;
}

/** Restore the request's articles and claims; fails, writing nothing, if any of them is already in the library. */
export async function restoreExport(ctx: ServiceContext, req: ParsedRequestOf<'export.restore'>): Promise<ResponseOf<'export.restore'>> {
  const entries = readEntries(req);
  if (entries.length === 0) throw new FactmarkError('invalid-input', 'The export holds no articles');
  const seen = new Set<string>();
  const index = await ctx.store.index();
  for (const { article } of entries) {
    if (seen.has(article.id)) throw new FactmarkError('invalid-input', `Article ${article.id} appears twice in the export`);
    seen.add(article.id);
    if (index.articles.some((row) => row.id === article.id) || existsSync(ctx.store.articleFile(article.id))) {
      throw new FactmarkError('conflict', `Article ${article.id} (“${article.title}”) is already in the library; delete it first or restore into another library`);
    }
  }
  for (const { article, claims } of entries) {
    await ctx.store.writeArticle({ schemaVersion: SCHEMA_VERSION, article, claims });
  }
  return { articles: entries.map(({ article, claims }) => summarise({ schemaVersion: SCHEMA_VERSION, article, claims })) };
}
