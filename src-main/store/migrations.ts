/**
 * schemaVersion migrations: each step turns a file of version N into version N+1, and a file is
 * run through every step from its version up to SCHEMA_VERSION, in order.
 *
 * Version 1 is the first released format. Version 0 is the pre-release format (files without a
 * schemaVersion field, claims without `revision` and `history`); its step exists so the mechanism
 * is in place and tested from a fixture (test/unit/store/fixtures/v0) before a real version 2 needs it.
 */
import { SCHEMA_VERSION } from './files';

/** The three kinds of file in a data folder. */
export type FileKind = 'index' | 'article' | 'prefs';

type Json = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it writes from + 1. */
  from: number;
  description: string;
  /** How each kind of file changes; a kind without a function only gets its schemaVersion bumped. */
  migrate: Partial<Record<FileKind, (data: Json) => Json>>;
}

/** A claim as version 0 stored it: no revision counter, no status history. */
function claimFromV0(claim: Json): Json {
  const at = typeof claim.updatedAt === 'string' ? claim.updatedAt : claim.createdAt;
  const reviewer = typeof claim.reviewer === 'string' ? claim.reviewer : '';
  return {
    ...claim,
    reviewer,
    revision: typeof claim.revision === 'number' ? claim.revision : 1,
    history: Array.isArray(claim.history) ? claim.history : [{ status: claim.status, at, reviewer }],
  };
}

/** Every migration step, oldest first. Add a step here (and a fixture) when SCHEMA_VERSION goes up. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'pre-release format: add schemaVersion, and give each claim a revision and a status history',
    migrate: {
      article: (data) => ({ ...data, claims: Array.isArray(data.claims) ? data.claims.map((c) => claimFromV0(c as Json)) : data.claims }),
    },
  },
];

/** The schemaVersion a parsed file declares: 0 when it has none (pre-release), null when it is not a number. */
export function fileVersion(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const version = (raw as Json).schemaVersion;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Bring a parsed file of an older version up to SCHEMA_VERSION. Returns the input unchanged when it
 * is already current; throws when no step reads its version (the caller treats it as damaged).
 */
export function migrateToCurrent(kind: FileKind, raw: Json, from: number): Json {
  let data = raw;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from schema version ${version}`);
    const change = step.migrate[kind];
    data = { ...(change ? change(data) : data), schemaVersion: version + 1 };
  }
  return data;
}
