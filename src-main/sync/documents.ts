/**
 * How the library maps onto CouchDB documents. An article is keyed by its text hash, so the same
 * text imported on two machines is one document (and one article in the team library); each claim
 * is its own document, `claim:<text hash>:<claim id>`, so edits to different claims never conflict.
 * Local-only fields (an article's local id, a claim's local revision counter, its conflict versions)
 * stay out of the documents; the ids an article or claim points at travel as text hashes.
 */
import { Article, Claim, type ArticleRecord, type ClaimRecord } from '../../src-shared/model';
import type { ServiceContext } from '../services/context';
import { vouchChecked } from '../store/checked';
import type { PouchDoc } from './pouch';

export const ARTICLE_PREFIX = 'article:';
export const CLAIM_PREFIX = 'claim:';

export const articleDocId = (key: string): string => `${ARTICLE_PREFIX}${key}`;
export const claimDocId = (key: string, claimId: string): string => `${CLAIM_PREFIX}${key}:${claimId}`;
/** The first and last possible ids of an article's claim documents (for allDocs ranges). */
export const claimRange = (key: string) => ({ startkey: `${CLAIM_PREFIX}${key}:`, endkey: `${CLAIM_PREFIX}${key}:\ufff0` });

/** What a document id names: an article (by key) or one of its claims. */
export function parseDocId(id: string): { kind: 'article'; key: string } | { kind: 'claim'; key: string; claimId: string } | null {
  if (id.startsWith(ARTICLE_PREFIX)) return { kind: 'article', key: id.slice(ARTICLE_PREFIX.length) };
  if (id.startsWith(CLAIM_PREFIX)) {
    const [key, claimId] = id.slice(CLAIM_PREFIX.length).split(':');
    if (key && claimId) return { kind: 'claim', key, claimId };
  }
  return null;
}

/** The article key a claim document's id names (undefined for any other document). */
export function claimKeyOf(docId: string): string | undefined {
  const parsed = parseDocId(docId);
  return parsed?.kind === 'claim' ? parsed.key : undefined;
}

/** The claim id a claim document's id names (undefined for any other document). */
export function claimIdOf(docId: string): string | undefined {
  const parsed = parseDocId(docId);
  return parsed?.kind === 'claim' ? parsed.claimId : undefined;
}

/** The team-wide key of an article: its text hash. */
export const articleKey = (article: Pick<ArticleRecord, 'textHash'>): string => article.textHash;

/** Maps between local article ids and team keys (text hashes). */
export interface KeyMap {
  keyOf(articleId: string): string | undefined;
  idOf(key: string): string | undefined;
}

/** A KeyMap that a batch of changes keeps current as it adds articles. */
export interface BatchKeyMap extends KeyMap {
  /** An article this batch adds (the key had no article). */
  add(articleId: string, key: string): void;
}

/** Article ids → keys and back, from the library's index (the oldest article of a text is its key's owner). */
export async function keyMapOf(ctx: ServiceContext): Promise<BatchKeyMap> {
  const rows = [...(await ctx.store.index()).articles].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  const byId = new Map(rows.map((row) => [row.id, row.textHash]));
  const byKey = new Map<string, string>();
  for (const row of rows) if (!byKey.has(row.textHash)) byKey.set(row.textHash, row.id);
  return {
    keyOf: (id) => byId.get(id),
    idOf: (key) => byKey.get(key),
    add(id, key) {
      byId.set(id, key);
      if (!byKey.has(key)) byKey.set(key, id);
    },
  };
}

export interface ArticleBody {
  kind: 'article';
  article: Omit<ArticleRecord, 'previousVersionId'>;
  previousVersionKey?: string;
}

export interface ClaimBody {
  kind: 'claim';
  article: string;
  claim: Omit<ClaimRecord, 'articleId' | 'revision' | 'conflictVersions'>;
  carriedFromKey?: string;
}

export function articleBody(article: ArticleRecord, keys: KeyMap): ArticleBody {
  const { previousVersionId, ...rest } = article;
  const previousVersionKey = previousVersionId ? keys.keyOf(previousVersionId) : undefined;
  return { kind: 'article', article: rest, ...(previousVersionKey ? { previousVersionKey } : {}) };
}

export function claimBody(claim: ClaimRecord, key: string, keys: KeyMap): ClaimBody {
  const { articleId: _articleId, revision: _revision, conflictVersions: _conflicts, ...rest } = claim;
  const carriedFromKey = claim.carried ? keys.keyOf(claim.carried.fromArticleId) : undefined;
  return { kind: 'claim', article: key, claim: rest, ...(carriedFromKey ? { carriedFromKey } : {}) };
}

/** A remote article document as a local article record (throws a ZodError when it is malformed); the store takes it without parsing it again. */
export function articleFromDoc(doc: PouchDoc, localId: string, keys: KeyMap): ArticleRecord {
  const body = doc as unknown as ArticleBody;
  const previousVersionId = body.previousVersionKey ? keys.idOf(body.previousVersionKey) : undefined;
  const { previousVersionId: _dropped, ...article } = (body.article ?? {}) as ArticleRecord;
  return vouchChecked(Article, Article.parse({ ...article, id: localId, ...(previousVersionId ? { previousVersionId } : {}) }));
}

/** A remote claim document's claim fields for a local article (throws a ZodError when malformed). */
export function claimFromDoc(doc: PouchDoc, articleId: string, revision: number, keys: KeyMap): ClaimRecord {
  const body = doc as unknown as ClaimBody;
  const claim = { ...(body.claim ?? {}), articleId, revision } as ClaimRecord;
  if (claim.carried && body.carriedFromKey) claim.carried = { ...claim.carried, fromArticleId: keys.idOf(body.carriedFromKey) ?? claim.carried.fromArticleId };
  return Claim.parse(claim);
}

/** Whether an article or claim document can be read as one (a malformed teammate's document is never applied). */
export function wellFormed(doc: PouchDoc, keys: KeyMap): boolean {
  try {
    if (parseDocId(doc._id)?.kind === 'article') articleFromDoc(doc, 'check', keys);
    else claimFromDoc(doc, 'check', 1, keys);
    return true;
  } catch {
    return false;
  }
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** A document's content as compared for "already the same": no _id/_rev, no local ids. */
function comparable(doc: object): string {
  const { _id, _rev, _conflicts, _revisions, ...body } = doc as PouchDoc;
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, Record<string, unknown> & { carried?: Record<string, unknown> }>;
  if (copy.kind === ('article' as never) && copy.article) delete copy.article.id;
  if (copy.kind === ('claim' as never) && copy.claim?.carried) delete copy.claim.carried.fromArticleId;
  return canonical(copy);
}

/** True when a stored document already holds this content. */
export function sameContent(doc: object | null | undefined, body: ArticleBody | ClaimBody): boolean {
  return !!doc && !(doc as PouchDoc)._deleted && comparable(doc) === comparable(body);
}
