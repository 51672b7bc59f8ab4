/**
 * Who may change what: a library opened read-only (by a reader, or because a file came from a newer
 * Factmark) refuses every write, and an article saved by a newer Factmark refuses its own.
 */
import { FactmarkError } from '../../src-shared/contract';

export class WritePolicy {
  /** Why the whole library may not be changed, when it may not. */
  private libraryReason: string | null;
  /** Article ids whose files came from a newer Factmark, with the reason. */
  private readonly articleReasons = new Map<string, string>();

  constructor(readOnlyReason: string | null) {
    this.libraryReason = readOnlyReason;
  }

  /** Whether this process may write the folder at all. */
  get libraryWritable(): boolean {
    return this.libraryReason === null;
  }

  /** Make the whole library read-only (the first reason given is kept). */
  refuseLibrary(reason: string): void {
    this.libraryReason ??= reason;
  }

  /** Make one article read-only. */
  refuseArticle(id: string, reason: string): void {
    this.articleReasons.set(id, reason);
  }

  isArticleReadOnly(id: string): boolean {
    return this.articleReasons.has(id);
  }

  /** Throw read-only when the library, or this article, may not be changed. */
  assertWritable(articleId?: string): void {
    if (this.libraryReason) throw new FactmarkError('read-only', this.libraryReason);
    const reason = articleId && this.articleReasons.get(articleId);
    if (reason) throw new FactmarkError('read-only', reason);
  }
}
