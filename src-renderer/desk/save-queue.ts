/**
 * The save queue: runs the desk's saves against the host one after another, in the order made,
 * through an injected transport, and feeds each answer back as a desk event (saved, conflict,
 * missing, failed). Outside React; it never changes what is shown itself.
 */
import { errorCode, errorMessage } from '../../src-shared/call';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import type { DeskEvent, SaveJob } from './desk-state';

/** The host operations the queue needs; each throws a FactmarkError when the host refuses. */
export interface SaveTransport {
  create(claim: ClaimRecord): Promise<ClaimRecord>;
  restore(claim: ClaimRecord): Promise<ClaimRecord>;
  /** With baseRevision, the host refuses ("conflict") when the claim changed since that version. */
  remove(articleId: string, claimId: string, baseRevision?: number): Promise<ClaimRecord>;
  update(articleId: string, claimId: string, baseRevision: number, patch: ClaimPatch): Promise<ClaimRecord>;
  /** The article's claims as stored, in document order (to reload after a refusal). */
  list(articleId: string): Promise<ClaimRecord[]>;
}

/** The transport over the contract client. */
export function clientSaveTransport(client: FactmarkClient): SaveTransport {
  return {
    create: (claim) =>
      client.call('claims.create', { articleId: claim.articleId, id: claim.id, range: claim.target.position, status: claim.status, claimant: claim.claimant || undefined }),
    restore: (claim) => client.call('claims.restore', { claim }),
    remove: (articleId, claimId, baseRevision) => client.call('claims.delete', { articleId, claimId, baseRevision }),
    update: (articleId, claimId, baseRevision, patch) => client.call('claims.update', { articleId, claimId, baseRevision, patch }),
    list: (articleId) => client.call('claims.list', { articleId }),
  };
}

export interface SaveQueueOptions {
  transport: SaveTransport;
  /** Where the answers go (the desk store's dispatch). */
  answer(event: DeskEvent): void;
  /** The revision the host last confirmed for a claim, read when its update runs; undefined when it has none. */
  confirmedRevision(claimId: string): number | undefined;
  /** Waited for before a save starts (in the app: the frame that shows the change is painted). */
  gate?: () => Promise<void>;
}

export class SaveQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly options: SaveQueueOptions) {}

  /** Saves queued and not answered yet. */
  get size(): number {
    return this.waiting;
  }

  /** Queue saves after every earlier one. */
  push(jobs: readonly SaveJob[]): void {
    for (const job of jobs) {
      this.waiting += 1;
      const gate = this.options.gate?.() ?? Promise.resolve();
      this.tail = this.tail
        .then(() => gate)
        .then(() => this.run(job))
        .catch((error: unknown) => console.error('Factmark: a save answer could not be handled', error))
        .finally(() => {
          this.waiting -= 1;
        });
    }
  }

  /** Resolves once every save queued so far is answered. */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(job: SaveJob): Promise<void> {
    const { transport, answer } = this.options;
    try {
      answer({ type: 'saved', job, claim: await this.send(job) });
    } catch (error) {
      const code = errorCode(error);
      if (job.kind === 'create' || job.kind === 'restore') return answer({ type: 'failed', job, message: errorMessage(error), fresh: null });
      const fresh = await transport.list(job.articleId).catch(() => null);
      if ((job.kind === 'update' || job.kind === 'delete') && code === 'conflict') return answer({ type: 'conflict', job, fresh });
      if (code === 'not-found' || error instanceof MissingBase) return answer({ type: 'missing', job, fresh });
      answer({ type: 'failed', job, message: errorMessage(error), fresh });
    }
  }

  /** Send one save; a delete of a claim already gone counts as done (null). */
  private async send(job: SaveJob): Promise<ClaimRecord | null> {
    const { transport } = this.options;
    switch (job.kind) {
      case 'create':
        return transport.create(job.claim);
      case 'restore':
        return transport.restore(job.claim);
      case 'delete':
        try {
          return await transport.remove(job.articleId, job.claimId, this.options.confirmedRevision(job.claimId));
        } catch (error) {
          if (errorCode(error) === 'not-found') return null;
          throw error;
        }
      case 'update': {
        const base = this.options.confirmedRevision(job.claimId);
        if (base === undefined) throw new MissingBase();
        return transport.update(job.articleId, job.claimId, base, job.patch);
      }
    }
  }
}

/** An update of a claim the host never confirmed (it was deleted elsewhere and reloaded away). */
class MissingBase extends Error {}
