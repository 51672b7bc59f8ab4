/** The stored versions of an article (its backups): list them with their claim counts, read one back. */
import type { z } from 'zod';
import { FactmarkError, type BackupInfo } from '../../src-shared/contract';
import { articleKey } from './article-files';
import type { BackupShelf } from './backup-shelf';
import { checkStoreText } from './file-loader';
import { ArticleFile, type ArticleData } from './files';

/** One stored version of an article, as backups.list reports it. */
export type ArticleBackupInfo = z.infer<typeof BackupInfo>;

export class ArticleVersions {
  constructor(private readonly shelf: BackupShelf) {}

  /** The backup the latest save of an article took of the version it replaced (null without one this session). */
  lastTaken(articleId: string): string | null {
    return this.shelf.newestTaken(articleKey(articleId));
  }

  /** The backups of an article, newest first, with their claim counts. */
  async list(articleId: string): Promise<ArticleBackupInfo[]> {
    const out: ArticleBackupInfo[] = [];
    for (const entry of await this.shelf.list(articleKey(articleId))) {
      const text = await this.shelf.read(articleKey(articleId), entry.id);
      const checked = text === null ? null : checkStoreText(text, 'article', ArticleFile);
      const data = checked?.ok === true ? checked.data : null;
      out.push({ id: entry.id, takenAt: entry.takenAt.toISOString(), claimCount: data ? data.claims.length : null, title: data ? data.article.title : null });
    }
    return out;
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
}
