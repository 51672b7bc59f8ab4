/** The library service: list, get, create, rename, edit metadata and delete articles. */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../src-shared/contract';
import type { Node as PMNode } from 'prosemirror-model';
import { inDocumentOrder, type ArticleMetaFields, type ArticleRecord, type ClaimRecord, type PageStartEntry } from '../../src-shared/model';
import { docText } from '../../src-shared/text';
import { SCHEMA_VERSION } from '../store/files';
import type { ServiceContext } from './context';
import { hashText, parseDoc } from './documents';

const EMPTY_META = { byline: '', publisher: '', sourceUrl: '', publishedAt: '', language: '' };

/** Save a new article (no claims, unless `claimsFor` gives some) with fresh id and times; its text must be non-empty. */
export async function addArticle(
  ctx: ServiceContext,
  input: {
    meta: Partial<ArticleMetaFields> & { title: string };
    doc: PMNode;
    previousVersionId?: string;
    /** Where each page starts in the text (PDF imports). */
    pages?: PageStartEntry[];
    /** Claims to save with it in the same write (a new version's carried claims). */
    claimsFor?: (article: ArticleRecord) => ClaimRecord[];
  } & ({ text: string; textHash: string } | { text?: undefined }),
): Promise<ArticleRecord> {
  const text = input.text ?? docText(input.doc);
  if (!text.trim()) throw new FactmarkError('invalid-input', 'The article has no text');
  const now = ctx.clock().toISOString();
  const article: ArticleRecord = {
    ...EMPTY_META,
    ...input.meta,
    id: ctx.newId(),
    importedAt: now,
    updatedAt: now,
    doc: input.doc.toJSON(),
    textHash: input.text === undefined ? hashText(text) : input.textHash,
    ...(input.previousVersionId ? { previousVersionId: input.previousVersionId } : {}),
    ...(input.pages?.length ? { pages: input.pages } : {}),
  };
  await ctx.store.writeArticle({ schemaVersion: SCHEMA_VERSION, article, claims: input.claimsFor?.(article) ?? [] });
  return article;
}

export function createLibraryService(ctx: ServiceContext) {
  async function list(): Promise<ResponseOf<'library.list'>> {
    const index = await ctx.store.index();
    return [...index.articles].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  async function get(req: ParsedRequestOf<'library.get'>): Promise<ResponseOf<'library.get'>> {
    const data = await ctx.store.article(req.articleId);
    const claims = inDocumentOrder(data.claims);
    return { article: data.article, claims: req.claimLimit === undefined ? claims : claims.slice(0, req.claimLimit), claimCount: claims.length };
  }

  function create(req: ParsedRequestOf<'library.create'>): Promise<ArticleRecord> {
    return addArticle(ctx, { meta: req.meta, doc: parseDoc(req.doc) });
  }

  async function updateMeta(req: ParsedRequestOf<'library.updateMeta'>): Promise<ArticleRecord> {
    const data = await ctx.store.article(req.articleId);
    // req.meta was checked against ArticleMeta by the dispatcher (and rename's title by its own schema).
    const article = { ...data.article, ...req.meta, updatedAt: ctx.clock().toISOString() };
    await ctx.store.writeArticle({ ...data, article });
    return article;
  }

  async function rename(req: ParsedRequestOf<'library.rename'>): Promise<ArticleRecord> {
    return updateMeta({ articleId: req.articleId, meta: { title: req.title } });
  }

  async function remove(req: ParsedRequestOf<'library.delete'>): Promise<ResponseOf<'library.delete'>> {
    await ctx.store.article(req.articleId); // not-found check
    await ctx.store.deleteArticle(req.articleId);
    return { deleted: req.articleId };
  }

  return { list, get, create, rename, updateMeta, remove };
}
