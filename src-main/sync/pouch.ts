/**
 * PouchDB as the sync service uses it: loaded on first use (so opening a library that is not in a
 * team never loads it), with the few types of its API we call.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  [key: string]: unknown;
}

export interface PouchReplication {
  on(event: 'change', listener: (info: { docs: PouchDoc[]; last_seq: number | string; docs_written: number; docs_read: number }) => void): PouchReplication;
  on(event: 'paused', listener: (error?: unknown) => void): PouchReplication;
  on(event: 'active', listener: () => void): PouchReplication;
  on(event: 'denied', listener: (error: { id?: string; reason?: string; message?: string; name?: string }) => void): PouchReplication;
  on(event: 'error', listener: (error: unknown) => void): PouchReplication;
  on(event: 'complete', listener: (info: unknown) => void): PouchReplication;
  cancel(): void;
  then<T>(onFulfilled: (info: { docs_read: number; docs_written: number; doc_write_failures: number; last_seq: number | string; errors: unknown[] }) => T, onRejected?: (error: unknown) => T): Promise<T>;
}

export interface ReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  back_off_function?: (delay: number) => number;
  checkpoint?: 'source' | 'target' | false;
  /** Start from this source sequence (PouchDB writes it as the checkpoint first). */
  since?: number | string;
}

export interface PouchDatabase {
  name: string;
  get(id: string, options?: { conflicts?: boolean; revs?: boolean; rev?: string }): Promise<PouchDoc>;
  get(id: string, options: { open_revs: 'all' | string[]; revs?: boolean }): Promise<Array<{ ok?: PouchDoc; missing?: string }>>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string | boolean; name?: string; status?: number; message?: string }>>;
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; keys?: string[]; startkey?: string; endkey?: string }): Promise<{
    rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }>;
  }>;
  changes(options: { since: number | string; limit?: number; return_docs?: boolean; include_docs?: boolean; conflicts?: boolean; style?: 'all_docs'; batch_size?: number }): Promise<{
    results: Array<{ id: string; seq: number; deleted?: boolean; changes: Array<{ rev: string }>; doc?: PouchDoc }>;
    last_seq: number;
  }>;
  /** For each document, the given revisions this database lacks (documents lacking none are left out). */
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
  /** PouchDB's own two-way sync (push and pull at once); the benchmark's baseline. */
  sync(other: PouchDatabase, options?: ReplicateOptions & { push?: ReplicateOptions; pull?: ReplicateOptions }): PromiseLike<unknown>;
  replicate: {
    to(target: PouchDatabase, options?: ReplicateOptions): PouchReplication;
    from(source: PouchDatabase, options?: ReplicateOptions): PouchReplication;
  };
}

export interface PouchOptions {
  skip_setup?: boolean;
  auth?: { username: string; password: string };
  /** Use this fetch for HTTP (lets us set a timeout). */
  fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
}

type PouchConstructor = new (name: string, options?: PouchOptions) => PouchDatabase;

let loaded: Promise<PouchConstructor> | null = null;

/** The PouchDB constructor (leveldb on disk, http(s) for a server). */
export function pouchdb(): Promise<PouchConstructor> {
  loaded ??= import('pouchdb').then((module) => ((module as { default?: unknown }).default ?? module) as PouchConstructor);
  return loaded;
}
