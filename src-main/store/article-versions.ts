/**
 * The stored versions of an article (its backups): list them with what each changed from the one
 * before it, read one back. Backups never change, so what a version holds is digested once and
 * kept in memory; listing many versions reads each file once per process.
 */
import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import { FactmarkError } from '../../src-shared/contract';
import type { BackupVersionInfo } from '../../src-shared/contract-backups';
import { articleKey } from './article-files';
import type { BackupEntry, BackupShelf } from './backup-shelf';
import { checkStoreText } from './file-loader';
import { ArticleFile, type ArticleData } from './files';
import { digestOf, versionChanges, type VersionDigest } from './version-changes';

/** One stored version of an article, as backups.list reports it. */
export type ArticleVersionInfo = z.infer<typeof BackupVersionInfo>;

/** How many version digests are kept in memory. */
const DIGESTS_KEPT = 1_000;

interface Digested {
  title: string;
  claimCount: number;
  savedAt: string | null;
  digest: VersionDigest;
}

export class ArticleVersions {
  /** "<article>/<backup>" -> its digest (null: unreadable). */
  private readonly digests = new Map<string, Digested | null>();

  constructor(private readonly shelf: BackupShelf) {}

  /** The backup the latest save of an article took of the version it replaced (null without one this session). */
  lastTaken(articleId: string): string | null {
    return this.shelf.newestTaken(articleKey(articleId));
  }

  /** The versions of an article, newest first, from `before` (exclusive) on, at most `limit` of them. */
  async list(articleId: string, page: { limit?: number; before?: string } = {}): Promise<ArticleVersionInfo[]> {
    const entries = await this.shelf.list(articleKey(articleId));
    const from = page.before ? entries.findIndex((e) => e.id === page.before) + 1 : 0;
    if (page.before && from === 0) throw new FactmarkError('not-found', `No backup ${page.before} of article ${articleId}`);
    const shown = entries.slice(from, page.limit === undefined ? undefined : from + page.limit);
    const out: ArticleVersionInfo[] = [];
    for (let i = 0; i < shown.length; i++) {
      const version = await this.digest(articleId, shown[i]);
      const older = entries[from + i + 1];
      const previous = version && older ? await this.digest(articleId, older) : null;
      out.push(this.info(shown[i], version, previous?.digest ?? null));
    }
    return out;
  }

  /** One version as backups.list reports it, compared with the version before it. */
  async describe(articleId: string, backupId: string): Promise<ArticleVersionInfo> {
    const [info] = await this.list(articleId, { limit: 1, before: await this.idBefore(articleId, backupId) });
    if (!info || info.id !== backupId) throw new FactmarkError('not-found', `No backup ${backupId} of article ${articleId}`);
    return info;
  }

  /** One backup of an article, checked and migrated; throws not-found or invalid-input. */
  async read(articleId: string, backupId: string): Promise<ArticleData> {
    const text = await this.shelf.read(articleKey(articleId), backupId);
    if (text === null) throw new FactmarkError('not-found', `No backup ${backupId} of article ${articleId}`);
    const checked = checkStoreText(text, 'article', ArticleFile);
    if (checked.ok !== true) {
      throw new FactmarkError('invalid-input', `Backup ${backupId} of article ${articleId} cannot be restored: ${checked.ok === false ? checked.problem : 'it is from a newer Factmark'}`);
    }
    if (checked.data.article.id !== articleId) throw new FactmarkError('invalid-input', `Backup ${backupId} belongs to another article`);
    return checked.data;
  }

  /** The id listed just before `backupId` (undefined when it is the newest), for describe(). */
  private async idBefore(articleId: string, backupId: string): Promise<string | undefined> {
    const entries = await this.shelf.list(articleKey(articleId));
    const at = entries.findIndex((e) => e.id === backupId);
    return at > 0 ? entries[at - 1].id : undefined;
  }

  private info(entry: BackupEntry, version: Digested | null, previous: VersionDigest | null): ArticleVersionInfo {
    return {
      id: entry.id,
      takenAt: entry.takenAt.toISOString(),
      savedAt: version?.savedAt ?? null,
      claimCount: version ? version.claimCount : null,
      title: version ? version.title : null,
      changes: version && previous ? versionChanges(previous, version.digest) : null,
    };
  }

  /** What a backup holds (null when it is unreadable), from memory when this very file was read before. */
  private async digest(articleId: string, entry: BackupEntry): Promise<Digested | null> {
    const info = await stat(entry.file).catch(() => null);
    if (!info) return null;
    const key = `${articleId}/${entry.id}/${info.ino}/${info.size}/${info.mtimeMs}`;
    if (this.digests.has(key)) return this.digests.get(key) ?? null;
    const text = await this.shelf.read(articleKey(articleId), entry.id);
    const checked = text === null ? null : checkStoreText(text, 'article', ArticleFile);
    const data = checked?.ok === true ? checked.data : null;
    // A backup is a hard link of the file as it was saved, so its modification time is when that version was saved.
    const digested = data ? { title: data.article.title, claimCount: data.claims.length, savedAt: info.mtime.toISOString(), digest: digestOf(data) } : null;
    if (this.digests.size >= DIGESTS_KEPT) this.digests.delete(this.digests.keys().next().value as string);
    this.digests.set(key, digested);
    return digested;
  }
}
