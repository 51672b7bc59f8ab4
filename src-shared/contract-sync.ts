/**
 * Contract operations for the team library: connecting a library to a CouchDB database, the
 * sync status the renderer shows, teammates' changes as they arrive, and claim conflicts.
 * Spread into `contract` (contract.ts); served by src-main/sync/index.ts.
 */
import { z } from 'zod';
import { ConflictVersion, Evidence, HttpUrl, Id, Status, Timestamp } from './model';

export { ConflictVersion };

/** off: no team database; synced: nothing waiting; syncing: sending or receiving; offline: server unreachable; error: see `error`. */
export const SyncState = z.enum(['off', 'synced', 'syncing', 'offline', 'error']);

/** A CouchDB database name (CouchDB's own rule). */
export const SyncDbName = z
  .string()
  .regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'must be a CouchDB database name (lower-case letters first, then a-z 0-9 _$()+/-)');

/** Where the team database is: never the password. */
export const SyncSettings = z.object({ server: HttpUrl, db: SyncDbName, user: z.string().trim().min(1).max(200) });

/** A change the server refused (a reader account writing, a validation function): kept locally, reported here. */
export const RejectedChange = z.object({ articleId: Id, claimId: Id.optional(), reason: z.string().max(500) });

export const SyncStatus = z.object({
  state: SyncState,
  settings: SyncSettings.nullable(),
  /** The server refused our writes (a reader account): the library is read-only here. */
  readOnly: z.boolean(),
  /** Local changes the server has not acknowledged yet. */
  pending: z.number().int().min(0),
  /** Claims with an unresolved conflict. */
  conflicts: z.number().int().min(0),
  rejected: z.array(RejectedChange),
  lastSyncedAt: Timestamp.nullable(),
  /** One line, never a secret (no password, no credentials in a URL). */
  error: z.string().max(500).nullable(),
  /** Bumped each time a teammate's change is applied to the local library. */
  changeSeq: z.number().int().min(0),
});

function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

export const syncContract = {
  'sync.status': op(z.object({}).strict(), SyncStatus, 'The team library’s state: synced / syncing / offline / error, unsent changes, conflicts.'),
  'sync.connect': op(
    SyncSettings.extend({ password: z.string().min(1).max(1_000).optional() }).strict(),
    SyncStatus,
    'Connect this library to a team database and start continuous sync (the password is kept by the host, never returned).',
  ),
  'sync.disconnect': op(z.object({}).strict(), SyncStatus, 'Stop syncing; the local library keeps everything.'),
  'sync.now': op(z.object({}).strict(), SyncStatus, 'Run one two-way replication now (e.g. after coming back online).'),
  'sync.changes': op(
    z.object({ sinceSeq: z.number().int().min(0) }).strict(),
    z.object({ changeSeq: z.number().int().min(0), articleIds: z.array(Id) }),
    'The articles a teammate’s change touched since changeSeq `sinceSeq`, so an open article can reload its claims.',
  ),
  'claims.resolveConflict': op(
    z
      .object({
        articleId: Id,
        claimId: Id,
        /** 'current': keep the shown winner; a rev: keep that version; fields: a merge the reviewer made. */
        keep: z.union([z.literal('current'), z.object({ rev: z.string().min(1).max(200) }).strict(), z.object({ fields: z.object({ claimant: z.string().trim().max(500), status: Status, evidence: z.array(Evidence).max(500), note: z.string().max(50_000) }).partial().strict() }).strict()]),
      })
      .strict(),
    z.object({ articleId: Id, claimId: Id, deleted: z.boolean() }),
    'Resolve a claim’s conflict: keep one version (which may be a deletion) or a merge; the other versions are removed on every machine.',
  ),
} as const;

export type SyncStatusRecord = z.infer<typeof SyncStatus>;
export type SyncSettingsRecord = z.infer<typeof SyncSettings>;
export type ConflictVersionRecord = z.infer<typeof ConflictVersion>;
