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
  | { status: 'ok'; data: T }
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
    if (checked.ok === true) return { entry, data: checked.data };
  }
  return null;
}

/**
 * Load a store file. `backupKey` names its backups (null: it has none). Damage is repaired when
 * the context is writable, and every repair or refusal adds a notice.
 */
export async function loadStoreFile<T>(
  ctx: LoaderContext,
  file: string,
  kind: FileKind,
  schema: z.ZodType<T>,
  backupKey: string | null,
): Promise<Loaded<T>> {
  const label = relative(ctx.dataDir, file);
  const text = await readTextIfExists(file);
  if (text === null) return { status: 'missing' };
  const checked = checkStoreText(text, kind, schema);
  if (checked.ok === true) return { status: 'ok', data: checked.data };
  if (checked.ok === 'newer') {
    ctx.notices.add(
      `${label} was written by a newer Factmark (schema ${checked.version}; this one reads ${SCHEMA_VERSION}); it is open read-only — update Factmark to change it`,
    );
    return { status: 'newer', version: checked.version, data: checked.data };
  }
  const problem = checked.problem.replace(/\s+/g, ' ');
  const backup = backupKey ? await newestGoodBackup(ctx, backupKey, kind, schema) : null;
  const when = backup ? backup.entry.takenAt.toISOString() : '';
  const noBackup = backupKey ? ' and has no good backup' : '';
  if (!ctx.writable) {
    ctx.notices.add(
      backup
        ? `${label} is damaged (${problem}); showing its backup from ${when} — open the library for writing to repair it`
        : `${label} is damaged (${problem})${noBackup}`,
    );
    return backup ? { status: 'ok', data: backup.data } : { status: 'lost', problem };
  }
  const moved = await moveToQuarantine(ctx.dataDir, file, ctx.clock());
  if (!backup) {
    ctx.notices.add(`${label} was damaged (${problem})${noBackup.replace('has', 'had')}; it was moved to ${moved}`);
    return { status: 'lost', problem };
  }
  await writeFileDurably(file, JSON.stringify(backup.data, null, 1), { io: ctx.io });
  ctx.notices.add(`${label} was damaged (${problem}); it was moved to ${moved} and its backup from ${when} was restored`);
  return { status: 'ok', data: backup.data };
}

/**
 * Put the newest good backup of a missing file back in its place (e.g. after a crash between
 * quarantining a damaged file and restoring it). Returns its data, or null when there is none.
 */
export async function restoreMissingFile<T>(ctx: LoaderContext, file: string, kind: FileKind, schema: z.ZodType<T>, backupKey: string): Promise<T | null> {
  const backup = await newestGoodBackup(ctx, backupKey, kind, schema);
  if (!backup) return null;
  const label = relative(ctx.dataDir, file);
  const when = backup.entry.takenAt.toISOString();
  if (ctx.writable) await writeFileDurably(file, JSON.stringify(backup.data, null, 1), { io: ctx.io });
  ctx.notices.add(ctx.writable ? `${label} was missing; its backup from ${when} was restored` : `${label} is missing; showing its backup from ${when}`);
  return backup.data;
}
