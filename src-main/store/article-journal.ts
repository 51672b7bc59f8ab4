/**
 * The article journal, journal/<id>.jsonl: an append-only record of each save of an article since
 * its recent backups, synced to disk before the save is acknowledged. Backups keep the versions a
 * save replaces, so the newest backup always lags one save behind; when an article file is damaged
 * from outside (emptied, NUL-filled, truncated, garbled), recovery starts from the newest good
 * backup and replays the journal's records onto it, so the last acknowledged change survives.
 *
 * A record holds what the save changed: the claims that are new or different, every claim id in
 * order, and the article record when it changed, plus the hash of the text it applies to (`base`,
 * null for a new file) and of the text it produced (`result`); replay follows that chain of
 * hashes and checks each result, so it can never produce a state that was not saved.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Article, Claim } from '../../src-shared/model';
import { syncFolder, writeFileDurably, type FileIo } from './durable-file';
import { ArticleFile, SCHEMA_VERSION, type ArticleData } from './files';

/** One save: the change from the text hashed `base` to the text hashed `result`. */
const JournalRecord = z.object({
  base: z.string().nullable(),
  result: z.string(),
  at: z.string(),
  article: Article.optional(),
  order: z.array(z.string()),
  claims: z.array(Claim),
});
type JournalRecord = z.infer<typeof JournalRecord>;

/** Compact a journal (keep only its newest records) once it grows past this many bytes. */
const COMPACT_AT_BYTES = 256 * 1024;
/** How many records compaction keeps: enough to replay from any of that many recent backups. */
const KEEP_RECORDS = 24;

/** The hash that names a version of a file: sha-256 of its text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

/** The text a store file is saved as. */
export function storeText(data: unknown): string {
  return JSON.stringify(data, null, 1);
}

/** The article record without its document, for a cheap "did the metadata change" check. */
function metaOf(article: ArticleData['article']): string {
  return JSON.stringify({ ...article, doc: null });
}

/** Where an append started, so a save that fails afterwards can take its record back. */
export interface JournalMark {
  id: string;
  size: number;
}

/** How many journals are kept open for appending at once (the least recently used is closed first). */
export const OPEN_JOURNALS = 8;

export class ArticleJournal {
  private folderMade = false;
  /** Journals open for appending, with their size in bytes as this process wrote them. */
  private readonly handles = new Map<string, { handle: FileHandle; size: number }>();

  constructor(
    private readonly dataDir: string,
    private readonly io: FileIo,
    private readonly clock: () => Date,
  ) {}

  get folder(): string {
    return join(this.dataDir, 'journal');
  }

  path(id: string): string {
    return join(this.folder, `${id}.jsonl`);
  }

  /** The record of a save from `previous` (with the hash of its text; null for a new file) to `next`. */
  record(previous: { data: ArticleData; hash: string } | null, next: ArticleData, nextHash: string): JournalRecord {
    const before = new Map(previous?.data.claims.map((c) => [c.id, JSON.stringify(c)]));
    const changedArticle = !previous || previous.data.article.textHash !== next.article.textHash || metaOf(previous.data.article) !== metaOf(next.article);
    return {
      base: previous?.hash ?? null,
      result: nextHash,
      at: this.clock().toISOString(),
      ...(changedArticle ? { article: next.article } : {}),
      order: next.claims.map((c) => c.id),
      claims: next.claims.filter((c) => {
        const was = before.get(c.id);
        return was === undefined || was !== JSON.stringify(c); // a new claim is in without being serialised to compare
      }),
    };
  }

  /** Append a record and sync it to disk; returns the mark to take it back with. A failed append takes itself back. */
  async append(id: string, record: JournalRecord): Promise<JournalMark> {
    const open = await this.openForAppend(id);
    const line = Buffer.from(`\n${JSON.stringify(record)}`, 'utf8');
    const mark = { id, size: open.size };
    try {
      await open.handle.write(line);
      await open.handle.datasync();
    } catch (error) {
      await open.handle.truncate(mark.size).catch(() => undefined);
      throw error;
    }
    open.size += line.length;
    return mark;
  }

  /** Take back the record appended at `mark` (its save failed), so replay never applies it. */
  async takeBack(mark: JournalMark): Promise<void> {
    if (mark.size === 0) return this.remove(mark.id);
    const open = await this.openForAppend(mark.id);
    await open.handle.truncate(mark.size);
    await open.handle.datasync();
    open.size = mark.size;
  }

  /** After a save: rewrite the journal with only its newest records once it has grown long. */
  async compactIfLong(id: string): Promise<void> {
    if ((this.handles.get(id)?.size ?? 0) <= COMPACT_AT_BYTES) return;
    await this.close(id);
    const kept = (await this.records(id)).slice(-KEEP_RECORDS);
    await writeFileDurably(this.path(id), kept.map((r) => `\n${JSON.stringify(r)}`).join(''), { io: this.io });
  }

  /** Forget an article's journal (it was deleted; its last version is a backup). */
  async remove(id: string): Promise<void> {
    await this.close(id);
    await unlink(this.path(id)).catch(() => undefined);
  }

  /** Close every open journal (they reopen on the next append). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.handles.keys()].map((id) => this.close(id)));
  }

  private async close(id: string): Promise<void> {
    const open = this.handles.get(id);
    this.handles.delete(id);
    await open?.handle.close().catch(() => undefined);
  }

  /** The journal of `id` open for appending (created, and its name synced, when new). */
  private async openForAppend(id: string): Promise<{ handle: FileHandle; size: number }> {
    const known = this.handles.get(id);
    if (known) {
      this.handles.delete(id); // re-insert: most recently used last
      this.handles.set(id, known);
      return known;
    }
    if (!this.folderMade) {
      await mkdir(this.folder, { recursive: true });
      this.folderMade = true;
    }
    const handle = await this.io.open(this.path(id), 'a', 0o600);
    const open = { handle, size: (await handle.stat()).size };
    if (open.size === 0) await syncFolder(this.folder, this.io); // a new journal's name must survive a crash too
    this.handles.set(id, open);
    if (this.handles.size > OPEN_JOURNALS) await this.close(this.handles.keys().next().value as string);
    return open;
  }

  /** The readable records of an article's journal, oldest first (a torn last line is skipped). */
  async records(id: string): Promise<JournalRecord[]> {
    let text: string;
    try {
      text = await readFile(this.path(id), 'utf8');
    } catch {
      return [];
    }
    const out: JournalRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = JournalRecord.safeParse(JSON.parse(line));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // a record torn by a crash mid-append: skipped
      }
    }
    return out;
  }

  /**
   * The newest saved state reachable from `start` (a backup's text and data, or null for "no
   * file"): follows the chain of records from start's hash. Null when the journal has nothing
   * newer; `changes` counts the records applied.
   */
  async replay(id: string, start: { text: string; data: ArticleData } | null): Promise<{ data: ArticleData; text: string; changes: number } | null> {
    const records = await this.records(id);
    let hash = start ? textHash(start.text) : null;
    let state: ArticleData | null = start?.data ?? null;
    let text = start?.text ?? '';
    let changes = 0;
    let from = 0;
    for (;;) {
      const at = lastIndexFrom(records, from, (r) => r.base === hash);
      if (at < 0) break;
      const next = apply(state, records[at]);
      const nextText = next && storeText(next);
      if (!next || !nextText || textHash(nextText) !== records[at].result) break;
      [state, text, hash, from, changes] = [next, nextText, records[at].result, at + 1, changes + 1];
    }
    return state && changes > 0 ? { data: state, text, changes } : null;
  }
}

/** The index of the last record at or after `from` that matches, or -1. */
function lastIndexFrom(records: JournalRecord[], from: number, match: (r: JournalRecord) => boolean): number {
  for (let i = records.length - 1; i >= from; i--) if (match(records[i])) return i;
  return -1;
}

/** A record applied to a state; null when it does not fit (a claim it names is unknown). */
function apply(state: ArticleData | null, record: JournalRecord): ArticleData | null {
  const article = record.article ?? state?.article;
  if (!article) return null;
  const claims = new Map(state?.claims.map((c) => [c.id, c]));
  for (const claim of record.claims) claims.set(claim.id, claim);
  const ordered = record.order.map((id) => claims.get(id));
  if (ordered.some((c) => c === undefined)) return null;
  const parsed = ArticleFile.safeParse({ schemaVersion: SCHEMA_VERSION, article, claims: ordered });
  return parsed.success ? parsed.data : null;
}
