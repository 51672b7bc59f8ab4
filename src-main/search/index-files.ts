/**
 * The claim index on disk: search/shard-NN.json beside the store, each with the file stamp of
 * every article it indexed, so a stale or missing shard is caught and rebuilt from the article
 * files (which stay the truth). Reading article files here bypasses the store's cache, so a
 * rebuild of a large library never holds every article in memory.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { writeFileDurably } from '../store/durable-file';
import { SCHEMA_VERSION } from '../store/files';
import type { ClaimRecord } from '../../src-shared/model';
import { MINISEARCH_OPTIONS, SHARD_COUNT, type ClaimRow, type PageStart, type Shard } from './claim-index';

/** Bump when the shard format or the text normalisation changes: older shards are then rebuilt. */
export const INDEX_FORMAT = 1;

type RowTuple = [number, string, string, string, string, string, string, number, number, number, string | null];

interface ShardFile {
  format: number;
  shardCount: number;
  stamps: [string, string][];
  rows: RowTuple[];
  index: unknown;
}

export function searchDir(dataDir: string): string {
  return join(dataDir, 'search');
}

function shardFile(dataDir: string, n: number): string {
  return join(searchDir(dataDir), `shard-${String(n).padStart(2, '0')}.json`);
}

/** The stamp of a file: changes whenever the file is rewritten. Null when it is gone. */
export async function fileStamp(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return null;
  }
}

/** Article id -> stamp of every article file in the folder. */
export async function articleStamps(articlesDir: string, idPattern: RegExp): Promise<Map<string, string>> {
  const names = await readdir(articlesDir).catch(() => [] as string[]);
  const out = new Map<string, string>();
  const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => idPattern.test(id));
  const stamps = await Promise.all(ids.map((id) => fileStamp(join(articlesDir, `${id}.json`))));
  ids.forEach((id, i) => stamps[i] && out.set(id, stamps[i]));
  return out;
}

/** An article file's claims and pages, read straight from disk; null when it is not a current-format article. */
export async function readArticleFile(file: string): Promise<{ claims: ClaimRecord[]; pages?: PageStart[] } | null> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion?: number; article?: { pages?: PageStart[] }; claims?: ClaimRecord[] };
    if (raw.schemaVersion !== SCHEMA_VERSION || !Array.isArray(raw.claims)) return null;
    return { claims: raw.claims, pages: raw.article?.pages };
  } catch {
    return null;
  }
}

function toTuple(r: ClaimRow): RowTuple {
  return [r.key, r.articleId, r.claimId, r.quote, r.claimant, r.claimantKey, r.status, r.evidenceCount, r.created, r.updated, r.page ?? null];
}

function fromTuple(t: RowTuple): ClaimRow {
  const [key, articleId, claimId, quote, claimant, claimantKey, status, evidenceCount, created, updated, page] = t;
  return { key, articleId, claimId, quote, claimant, claimantKey, status: status as ClaimRow['status'], evidenceCount, created, updated, ...(page ? { page } : {}) };
}

/** Load shard n from disk into `shard`; false when it is missing, unreadable or of another format (it stays empty). */
export async function loadShard(dataDir: string, n: number, shard: Shard): Promise<boolean> {
  let file: ShardFile;
  try {
    file = JSON.parse(await readFile(shardFile(dataDir, n), 'utf8')) as ShardFile;
    if (file.format !== INDEX_FORMAT || file.shardCount !== SHARD_COUNT) return false;
    shard.mini = MiniSearch.loadJS(file.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
  } catch {
    return false;
  }
  for (const tuple of file.rows) {
    const row = fromTuple(tuple);
    shard.rows.set(row.key, row);
    const keys = shard.byArticle.get(row.articleId);
    if (keys) keys.push(row.key);
    else shard.byArticle.set(row.articleId, [row.key]);
  }
  for (const [id, stamp] of file.stamps) {
    shard.stamps.set(id, stamp);
    if (!shard.byArticle.has(id)) shard.byArticle.set(id, []);
  }
  shard.dirty = false;
  return true;
}

/** Write shard n (durably: temp file, sync, rename). */
export async function saveShard(dataDir: string, n: number, shard: Shard): Promise<void> {
  await mkdir(searchDir(dataDir), { recursive: true });
  const file: ShardFile = {
    format: INDEX_FORMAT,
    shardCount: SHARD_COUNT,
    stamps: [...shard.stamps],
    rows: [...shard.rows.values()].map(toTuple),
    index: shard.mini.toJSON(),
  };
  await writeFileDurably(shardFile(dataDir, n), JSON.stringify(file));
  shard.dirty = false;
}
