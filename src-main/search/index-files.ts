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
import { SHARD_COUNT, type ClaimIndex, type ClaimRow, type PageStart } from './claim-index';

/** Bump when the shard format or the text normalisation changes: older shards are then rebuilt. */
export const INDEX_FORMAT = 3;

/** A row on disk: articleId, claimId, quote, claimant, claimantKey, status, evidence count, created, updated, page, text hash, quote and other-field lengths. */
type RowTuple = [string, string, string, string, string, string, number, number, number, string | null, number, number, number];

interface ShardFile {
  format: number;
  shardCount: number;
  stamps: [string, string][];
  rows: RowTuple[];
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
    const bytes = new Uint8Array(Buffer.from(file.postings, 'base64')); // a copy of its own, aligned for Int32
    postings = new Int32Array(bytes.buffer, 0, bytes.byteLength >> 2);
    if (file.sizes.reduce((a, b) => a + b, 0) !== postings.length || file.sizes.length !== file.terms.length) return false;
  } catch {
    return false;
  }
  const shard = index.shards[n];
  const once = new Map<string, string>();
  const shared = (text: string) => {
    const kept = once.get(text);
    if (kept !== undefined) return kept;
    once.set(text, text);
    return text;
  };
  for (let i = 0; i < file.rows.length; i++) {
    if (i % LOAD_CHUNK === LOAD_CHUNK - 1) await setImmediate();
    const [articleId, claimId, quote, claimant, claimantKey, status, evidenceCount, created, updated, page, textHash, quoteLen, otherLen] = file.rows[i];
    const claimantId = index.claimantId(claimantKey);
    const row: ClaimRow = {
      key: index.newKey(),
      articleId: shared(articleId),
      claimId,
      quote,
      claimant: shared(claimant),
      claimantKey: index.claimantKeys[claimantId],
      status: shared(status) as ClaimRow['status'],
      evidenceCount,
      created,
      updated,
      textHash,
    };
    if (page) row.page = shared(page);
    shard.appendRow(row, claimantId, quoteLen, otherLen);
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

/** Write shard n (compacted first; durably: temp file, sync, rename). */
export async function saveShard(dataDir: string, n: number, index: ClaimIndex): Promise<void> {
  const shard = index.shards[n];
  shard.compact();
  await mkdir(searchDir(dataDir), { recursive: true });
  const rows: RowTuple[] = shard.docs.map((r, d) => {
    const row = r as ClaimRow; // compacted: every doc is live
    return [row.articleId, row.claimId, row.quote, row.claimant, row.claimantKey, row.status, row.evidenceCount, row.created, row.updated, row.page ?? null, row.textHash, shard.quoteLen[d], shard.otherLen[d]];
  });
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
