/**
 * The team server: checking a connection before anything is saved (reachable, credentials
 * accepted, database present — Factmark never creates it) and opening it as a PouchDB database
 * over HTTP. Every message is one line and never holds the password or credentials in a URL.
 */
import { FactmarkError } from '../../src-shared/contract';
import type { SyncSettingsRecord } from '../../src-shared/contract-sync';
import { pouchdb, type PouchDatabase } from './pouch';
import { publicServerUrl, redact } from './settings';

/** How long a connection check waits for the server. */
const CHECK_TIMEOUT_MS = 10_000;

export function databaseUrl(settings: SyncSettingsRecord): string {
  return `${publicServerUrl(settings.server)}/${encodeURIComponent(settings.db)}`;
}

function authHeader(settings: SyncSettingsRecord, password: string | null): Record<string, string> {
  if (password === null) return {};
  return { Authorization: `Basic ${Buffer.from(`${settings.user}:${password}`, 'utf8').toString('base64')}` };
}

/** Refuse a server URL that is not plain http(s) or that carries credentials itself. */
export function checkServerUrl(server: string): void {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new FactmarkError('invalid-input', 'The server must be an http(s) URL, e.g. https://couch.example.org:5984');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FactmarkError('invalid-input', `The server must be an http(s) URL, not ${url.protocol.replace(':', '')}:`);
  if (url.username || url.password) throw new FactmarkError('invalid-input', 'Put the user name and password in their own fields, not in the server URL');
}

/** What an HTTP status from the team server means, as one line. */
export function describeStatus(status: number, settings: SyncSettingsRecord, reason = ''): string {
  const where = publicServerUrl(settings.server);
  if (status === 401) return `The team server ${where} refused user "${settings.user}": wrong user name or password`;
  if (status === 403) return `User "${settings.user}" may not read the database "${settings.db}" on ${where}${reason ? ` (${reason})` : ''}`;
  if (status === 404) return `The database "${settings.db}" does not exist on ${where}; create it there first (Factmark does not create it)`;
  return `The team server ${where} answered ${status}${reason ? `: ${reason}` : ''}`;
}

/** Check that the database answers with these credentials; throws a one-line FactmarkError if not. */
export async function checkConnection(settings: SyncSettingsRecord, password: string | null): Promise<void> {
  checkServerUrl(settings.server);
  let response: Response;
  try {
    response = await fetch(databaseUrl(settings), { headers: { Accept: 'application/json', ...authHeader(settings, password) }, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? 'no answer in 10 s' : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new FactmarkError('invalid-input', redact(`Cannot reach the team server ${publicServerUrl(settings.server)} (${why})`, [password]));
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  let reason = '';
  try {
    reason = String(((await response.json()) as { reason?: unknown }).reason ?? '');
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 401 && password === null) {
    throw new FactmarkError('invalid-input', `The team server ${publicServerUrl(settings.server)} needs the password of user "${settings.user}": set FACTMARK_SYNC_PASSWORD or enter it in Preferences ▸ Team library`);
  }
  throw new FactmarkError('invalid-input', redact(describeStatus(response.status, settings, reason), [password]));
}

/** The team database as a PouchDB database over HTTP (never created by us). */
export async function openRemote(settings: SyncSettingsRecord, password: string | null): Promise<PouchDatabase> {
  const PouchDB = await pouchdb();
  const remote = new PouchDB(databaseUrl(settings), { skip_setup: true, ...(password !== null ? { auth: { username: settings.user, password } } : {}) });
  // PouchDB's replicator reads the source's info for its progress figures without catching a
  // failure (src.info().then(…)), so a server that drops mid-batch would be an unhandled rejection
  // that ends the process. Progress figures are all it is used for: answer an empty one instead.
  const info = remote.info.bind(remote);
  remote.info = () => info().catch(() => ({ update_seq: 0, doc_count: 0, db_name: settings.db }));
  return remote;
}
