/**
 * Loading one store file without ever crashing on it. A file is read, checked and migrated; when
 * it is empty, NUL-filled, truncated, unparsable or off-format it is moved to quarantine and the
 * newest good backup is put back in its place, and the user is told. A file from a newer
 * Factmark is never touched: it is served read-only when it still fits this version's shape.
 */
import { relative } from 'node:path';
import type { z } from 'zod';
import type { BackupShelf } from './backup-shelf';
import { readTextIfExists, writeFileDurably, type FileIo } from './durable-file';
import { SCHEMA_VERSION } from './files';
import { fileVersion, migrateToCurrent, type FileKind } from './migrations';
import type { StoreNotices } from './notices';
import { moveToQuarantine } from './quarantine';

/** What a loader needs from its store. */
export interface LoaderContext {
  dataDir: string;
  /** False when this process may not change the folder (read-only access): nothing is moved or written. */
  writable: boolean;
  shelf: BackupShelf;
  notices: StoreNotices;
  clock: () => Date;
  /** The file-system calls repairs write with (default: node:fs/promises). */
  io?: FileIo;
}

/** The outcome of loading a file. */
export type Loaded<T> =
  /** `text`: the file's text as it now is on disk (to name this version). */
  | { status: 'ok'; data: T; text: string }
  | { status: 'missing' }
  /** Written by a newer Factmark: `data` is its content read with this version's schema, when it fits. */
  | { status: 'newer'; version: number; data: T | null }
  /** Damaged with no good backup (moved to quarantine when writable). */
  | { status: 'lost'; problem: string };

type Checked<T> = { ok: true; data: T } | { ok: false; problem: string } | { ok: 'newer'; version: number; data: T | null };

/** Check the text of a store file: parse, version, migrate, validate. */
export function checkStoreText<T>(text: string, kind: FileKind, schema: z.ZodType<T>): Checked<T> {
  if (text.length === 0) return { ok: false, problem: 'it is empty' };
  if (/^\0+$/.test(text)) return { ok: false, problem: 'it is filled with NUL bytes (an interrupted write)' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not valid JSON, e.g. cut short (${(error as Error).message})` };
  }
  const version = fileVersion(raw);
  if (version === null) return { ok: false, problem: 'it has no valid schemaVersion' };
  const object = raw as Record<string, unknown>;
  if (version > SCHEMA_VERSION) {
    const asCurrent = schema.safeParse({ ...object, schemaVersion: SCHEMA_VERSION });
    return { ok: 'newer', version, data: asCurrent.success ? asCurrent.data : null };
  }
  let migrated = object;
  if (version < SCHEMA_VERSION) {
    try {
      migrated = migrateToCurrent(kind, object, version);
    } catch (error) {
      return { ok: false, problem: `it could not be upgraded from schema ${version} (${(error as Error).message})` };
    }
  }
  const parsed = schema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `it does not match the store format (${issue?.path.join('.') || 'file'}: ${issue?.message})` };
  }
  return { ok: true, data: parsed.data };
}

/** The newest backup under `key` that checks out as a current-version file, with its text. */
async function newestGoodBackup<T>(ctx: LoaderContext, key: string, kind: FileKind, schema: z.ZodType<T>) {
  for (const entry of await ctx.shelf.list(key)) {
    const text = await readTextIfExists(entry.file);
    if (text === null) continue;
    const checked = checkStoreText(text, kind, schema);
    if (checked.ok === true) return { entry, text, data: checked.data };
  }
  return null;
}

/**
 * Rebuilds a file's newest saved state from its newest good backup (null: none) by replaying what
 * was saved after it (the article journal); null when there is nothing newer to replay.
 */
export type Replay<T> = (start: { text: string; data: T } | null) => Promise<{ data: T; text: string; changes: number } | null>;

/** Where a damaged or missing file's state comes back from, and how to say so. */
interface GoodState<T> {
  data: T;
  text: string;
  /** e.g. "its backup from <time> with the 1 later change(s) from its journal" */
  source: string;
}

/** The newest good state of a file: its newest good backup, plus the journal's later changes when there are any. */
async function newestGoodState<T>(ctx: LoaderContext, key: string | null, kind: FileKind, schema: z.ZodType<T>, replay?: Replay<T>): Promise<GoodState<T> | null> {
  const backup = key ? await newestGoodBackup(ctx, key, kind, schema) : null;
  const when = backup ? `its backup from ${backup.entry.takenAt.toISOString()}` : '';
  const replayed = replay ? await replay(backup ? { text: backup.text, data: backup.data } : null) : null;
  if (replayed) {
    const later = `the ${replayed.changes} later change(s) from its journal`;
    return { data: replayed.data, text: replayed.text, source: backup ? `${when} with ${later}` : `${later.replace('later ', '')}` };
  }
  return backup ? { data: backup.data, text: JSON.stringify(backup.data, null, 1), source: when } : null;
}

/**
 * Load a store file. `backupKey` names its backups (null: it has none); `replay` brings a backup
 * up to the last save. Damage is repaired when the context is writable, and every repair or
 * refusal adds a notice.
 */
export async function loadStoreFile<T>(
  ctx: LoaderContext,
  file: string,
  kind: FileKind,
  schema: z.ZodType<T>,
  backupKey: string | null,
  replay?: Replay<T>,
): Promise<Loaded<T>> {
  const label = relative(ctx.dataDir, file);
  const text = await readTextIfExists(file);
  if (text === null) return { status: 'missing' };
  const checked = checkStoreText(text, kind, schema);
  if (checked.ok === true) return { status: 'ok', data: checked.data, text };
  if (checked.ok === 'newer') {
    ctx.notices.add(
      `${label} was written by a newer Factmark (schema ${checked.version}; this one reads ${SCHEMA_VERSION}); it is open read-only — update Factmark to change it`,
    );
    return { status: 'newer', version: checked.version, data: checked.data };
  }
  const problem = checked.problem.replace(/\s+/g, ' ');
  const good = await newestGoodState(ctx, backupKey, kind, schema, replay);
  const noBackup = backupKey ? ' and has no good backup' : '';
  if (!ctx.writable) {
    ctx.notices.add(
      good
        ? `${label} is damaged (${problem}); showing ${good.source} — open the library for writing to repair it`
        : `${label} is damaged (${problem})${noBackup}`,
    );
    return good ? { status: 'ok', data: good.data, text: good.text } : { status: 'lost', problem };
  }
  const moved = await moveToQuarantine(ctx.dataDir, file, ctx.clock());
  if (!good) {
    ctx.notices.add(`${label} was damaged (${problem})${noBackup.replace('has', 'had')}; it was moved to ${moved}`);
    return { status: 'lost', problem };
  }
  await writeFileDurably(file, good.text, { io: ctx.io });
  ctx.notices.add(`${label} was damaged (${problem}); it was moved to ${moved} and ${good.source} was restored`);
  return { status: 'ok', data: good.data, text: good.text };
}

/**
 * Put the newest good state of a missing file back in its place (e.g. after a crash between
 * quarantining a damaged file and restoring it). Returns it, or null when there is none.
 */
export async function restoreMissingFile<T>(
  ctx: LoaderContext,
  file: string,
  kind: FileKind,
  schema: z.ZodType<T>,
  backupKey: string,
  replay?: Replay<T>,
): Promise<{ data: T; text: string } | null> {
  const good = await newestGoodState(ctx, backupKey, kind, schema, replay);
  if (!good) return null;
  const label = relative(ctx.dataDir, file);
  if (ctx.writable) await writeFileDurably(file, good.text, { io: ctx.io });
  ctx.notices.add(ctx.writable ? `${label} was missing; ${good.source} was restored` : `${label} is missing; showing ${good.source}`);
  return good;
}
