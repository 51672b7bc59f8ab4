/**
 * The claim index on disk: search/shard-NN.json beside the store, each with the file stamp of
 * every article it indexed, so a stale or missing shard is caught and rebuilt from the article
 * files (which stay the truth). Reading article files here bypasses the store's cache, so a
 * rebuild of a large library never holds every article in memory.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { writeFileDurably } from '../store/durable-file';
import { SCHEMA_VERSION } from '../store/files';
import type { ClaimRecord } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import { SHARD_COUNT, type ClaimIndex, type ClaimRow, type PageStart } from './claim-index';
import { statusNumber } from './columns';
import { Dictionary } from './dictionary';
import { nameKey } from './normalise';
import type { Shard } from './shard';

/** Bump when the shard format or the text normalisation changes: older shards are then rebuilt. */
export const INDEX_FORMAT = 4;

/**
 * The rows of a shard on disk, a column per field (a few large arrays parse far faster than an
 * array per row); repeated values (article ids, claimant names, page labels) are listed once and
 * referred to by number.
 */
interface RowColumns {
  articleIds: string[];
  article: number[];
  claimId: string[];
  quote: string[];
  /** Claimant names as written; `claimant` refers to them (their folded keys are recomputed). */
  claimantNames: string[];
  claimant: number[];
  /** The status's place in STATUS_IDS. */
  status: number[];
  evidenceCount: number[];
  created: number[];
  updated: number[];
  /** Page labels; `page` refers to them, -1 for none. */
  pageLabels: string[];
  page: number[];
  textHash: number[];
  quoteLen: number[];
  otherLen: number[];
}

interface ShardFile {
  format: number;
  shardCount: number;
  stamps: [string, string][];
  rows: RowColumns;
  /** Each term, the length of its posting list, and every list concatenated (Int32, base64). */
  terms: string[];
  sizes: number[];
  postings: string;
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

/** Whether every per-row column has one value per row. */
function rowsConsistent(rows: RowColumns): boolean {
  const n = rows.claimId.length;
  const perRow = [rows.article, rows.quote, rows.claimant, rows.status, rows.evidenceCount, rows.created, rows.updated, rows.page, rows.textHash, rows.quoteLen, rows.otherLen];
  return perRow.every((column) => Array.isArray(column) && column.length === n);
}

/** Rows or terms taken in between two yields to the event loop while a shard loads. */
const LOAD_CHUNK = 8_000;

/**
 * Load shard n from disk into the index; false when it is missing, unreadable or of another
 * format (it stays empty). Yields to the event loop between chunks, so other requests are answered
 * while a large index loads; repeated strings (article ids, statuses, claimant names) are stored once.
 */
export async function loadShard(dataDir: string, n: number, index: ClaimIndex): Promise<boolean> {
  let file: ShardFile;
  let postings: Int32Array;
  try {
    const text = await readFile(shardFile(dataDir, n), 'utf8');
    await setImmediate();
    file = JSON.parse(text) as ShardFile;
    if (file.format !== INDEX_FORMAT || file.shardCount !== SHARD_COUNT) return false;
    if (!rowsConsistent(file.rows)) return false;
    const bytes = new Uint8Array(Buffer.from(file.postings, 'base64')); // a copy of its own, aligned for Int32
    postings = new Int32Array(bytes.buffer, 0, bytes.byteLength >> 2);
    if (file.sizes.reduce((a, b) => a + b, 0) !== postings.length || file.sizes.length !== file.terms.length) return false;
  } catch {
    return false;
  }
  const shard = index.shards[n];
  const rows = file.rows;
  const claimantIds = rows.claimantNames.map((name) => index.claimantId(nameKey(name)));
  for (let i = 0; i < rows.claimId.length; i++) {
    if (i % LOAD_CHUNK === LOAD_CHUNK - 1) await setImmediate();
    const claimantId = claimantIds[rows.claimant[i]];
    const row: ClaimRow = {
      key: index.newKey(),
      articleId: rows.articleIds[rows.article[i]],
      claimId: rows.claimId[i],
      quote: rows.quote[i],
      claimant: rows.claimantNames[rows.claimant[i]],
      claimantKey: index.claimantKeys[claimantId],
      status: STATUS_IDS[rows.status[i]] ?? 'unverified',
      evidenceCount: rows.evidenceCount[i],
      created: rows.created[i],
      updated: rows.updated[i],
      textHash: rows.textHash[i],
    };
    if (rows.page[i] >= 0) row.page = rows.pageLabels[rows.page[i]];
    shard.appendRow(row, claimantId, rows.quoteLen[i], rows.otherLen[i]);
  }
  let offset = 0;
  for (let i = 0; i < file.terms.length; i++) {
    if (i % LOAD_CHUNK === LOAD_CHUNK - 1) await setImmediate();
    const size = file.sizes[i];
    shard.postings.set(index.vocabulary.intern(file.terms[i]), Array.from(postings.subarray(offset, offset + size)));
    offset += size;
  }
  for (const [id, stamp] of file.stamps) {
    shard.stamps.set(id, stamp);
    if (!shard.byArticle.has(id)) shard.byArticle.set(id, []);
  }
  shard.dirty = false;
  return true;
}

/** A compacted shard's rows as columns. */
function rowColumns(shard: Shard): RowColumns {
  const articles = new Dictionary();
  const claimants = new Dictionary();
  const pages = new Dictionary();
  const rows = shard.docs as ClaimRow[]; // compacted: every doc is live
  return {
    articleIds: articles.values,
    article: rows.map((r) => articles.of(r.articleId)),
    claimId: rows.map((r) => r.claimId),
    quote: rows.map((r) => r.quote),
    claimantNames: claimants.values,
    claimant: rows.map((r) => claimants.of(r.claimant)),
    status: rows.map((r) => statusNumber(r.status)),
    evidenceCount: rows.map((r) => r.evidenceCount),
    created: rows.map((r) => r.created),
    updated: rows.map((r) => r.updated),
    pageLabels: pages.values,
    page: rows.map((r) => (r.page === undefined ? -1 : pages.of(r.page))),
    textHash: rows.map((r) => r.textHash),
    quoteLen: [...shard.quoteLen],
    otherLen: [...shard.otherLen],
  };
}

/** Write shard n (compacted first; durably: temp file, sync, rename). */
export async function saveShard(dataDir: string, n: number, index: ClaimIndex): Promise<void> {
  const shard = index.shards[n];
  shard.compact();
  await mkdir(searchDir(dataDir), { recursive: true });
  const rows = rowColumns(shard);
  const terms: string[] = [];
  const sizes: number[] = [];
  let total = 0;
  for (const list of shard.postings.values()) total += list.length;
  const postings = new Int32Array(total);
  let offset = 0;
  for (const [id, list] of shard.postings) {
    terms.push(index.vocabulary.term(id));
    sizes.push(list.length);
    postings.set(list, offset);
    offset += list.length;
  }
  const file: ShardFile = {
    format: INDEX_FORMAT,
    shardCount: SHARD_COUNT,
    stamps: [...shard.stamps],
    rows,
    terms,
    sizes,
    postings: Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength).toString('base64'),
  };
  await writeFileDurably(shardFile(dataDir, n), JSON.stringify(file));
  shard.dirty = false;
}
