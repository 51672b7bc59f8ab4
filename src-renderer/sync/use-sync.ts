/**
 * The team library in the renderer: polls sync.status (every second while connected and the page
 * is visible, every ten seconds otherwise), asks sync.changes which articles teammates changed, and
 * reloads the open article's claims into the desk ('remote-claims') and the library's counts. Holds
 * the actions the indicator, the preferences section and the conflict dialog call.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SyncStatusRecord } from '../../src-shared/contract-sync';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import type { Library } from '../app/use-library';
import { snippet } from '../desk/claim-list';
import type { Desk } from '../desk/use-desk';
import type { RejectedRow, SyncActions, SyncView } from './sync-context';
import { syncCall } from './sync-client';

/** How often the status is asked for while connected, and while off (the CLI or another window may connect it). */
export const POLL_CONNECTED_MS = 1_000;
export const POLL_IDLE_MS = 10_000;

interface Options {
  client: FactmarkClient;
  desk: Desk;
  library: Library;
  openPreferences(): void;
  notify(text: string): void;
}

export interface Sync extends SyncView {
  /** The claim whose conflict dialog is open (null when none, or when it is gone). */
  conflictClaim: ClaimRecord | null;
}

/** The claim whose editor holds the focused text field (its typed input is not saved yet), if any. */
function claimBeingTyped(editors: ReadonlyMap<string, HTMLElement>): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return null;
  for (const [claimId, element] of editors) {
    const editor = element.closest('[role="dialog"], section') ?? element.parentElement;
    if (editor?.contains(active)) return claimId;
  }
  return null;
}

/** No refused changes: one array for every render. */
const NO_ROWS: readonly RejectedRow[] = [];

export function useSync({ client, desk, library, openPreferences, notify }: Options): Sync {
  const [status, setStatus] = useState<SyncStatusRecord | null>(null);
  const [conflictId, setConflictId] = useState<string | null>(null);
  const latest = useRef({ desk, library, openPreferences, notify });
  latest.current = { desk, library, openPreferences, notify };
  /** The last changeSeq seen (null before the first status). */
  const seenSeq = useRef<number | null>(null);
  /** The open article has teammates' changes not shown yet. */
  const reloadWanted = useRef(false);
  const editors = useRef(new Map<string, HTMLElement>());
  const focusRequest = useRef(false);
  const wake = useRef<() => void>(() => undefined);

  const showStatus = useCallback((next: SyncStatusRecord) => setStatus((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)), []);

  /** Reload the open article's claims into the desk; false when it has to wait (a save on its way, the claim being typed in changed). */
  const reloadOpen = useCallback(async (): Promise<boolean> => {
    const before = latest.current.desk.state;
    const articleId = before.articleId;
    if (!articleId) return true;
    if (before.inFlight > 0) return false;
    const claims = await client.call('claims.list', { articleId });
    const now = latest.current.desk.state;
    if (now.articleId !== articleId) return true;
    if (now.nextSerial !== before.nextSerial || now.inFlight > 0) return false; // a change was made meanwhile: read again
    const hold = claimBeingTyped(editors.current);
    latest.current.desk.dispatch({ type: 'remote-claims', articleId, claims, hold });
    if (!hold) return true;
    const held = claims.find((c) => c.id === hold);
    const shown = now.claims.find((c) => c.id === hold);
    return JSON.stringify(held) === JSON.stringify(shown);
  }, [client]);

  /** One poll: the status, the articles teammates changed since the last one, the open article reloaded if it is one of them. */
  const poll = useCallback(async (): Promise<SyncStatusRecord> => {
    const next = await syncCall(client, 'sync.status', {});
    showStatus(next);
    const seen = seenSeq.current;
    if (seen === null) seenSeq.current = next.changeSeq;
    else if (next.changeSeq !== seen) {
      // A smaller number: the host restarted and counts again; everything may have changed.
      const changes = next.changeSeq < seen ? { changeSeq: next.changeSeq, articleIds: null } : await syncCall(client, 'sync.changes', { sinceSeq: seen });
      seenSeq.current = changes.changeSeq;
      const openId = latest.current.desk.state.articleId;
      if (changes.articleIds === null || changes.articleIds.length > 0) void latest.current.library.refreshList().catch(() => undefined);
      if (openId && (changes.articleIds === null || changes.articleIds.includes(openId))) reloadWanted.current = true;
    }
    if (reloadWanted.current) reloadWanted.current = !(await reloadOpen());
    return next;
  }, [client, reloadOpen, showStatus]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let stopped = false;
    const hidden = () => document.visibilityState === 'hidden';
    const run = async () => {
      clearTimeout(timer);
      if (stopped || running || hidden()) return;
      running = true;
      let delay = POLL_IDLE_MS;
      try {
        const next = await poll();
        if (next.state !== 'off' || reloadWanted.current) delay = POLL_CONNECTED_MS;
      } catch {
        // An older host without a team library, or the host going away: try again later, quietly.
      }
      running = false;
      if (!stopped && !hidden()) timer = setTimeout(() => void run(), delay);
    };
    wake.current = () => void run();
    const onVisible = () => document.visibilityState === 'visible' && void run();
    document.addEventListener('visibilitychange', onVisible);
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [poll]);

  const actions = useMemo<SyncActions>(
    () => ({
      async connect(req) {
        showStatus(await syncCall(client, 'sync.connect', req));
        wake.current();
      },
      async disconnect() {
        showStatus(await syncCall(client, 'sync.disconnect', {}));
      },
      async syncNow() {
        showStatus(await syncCall(client, 'sync.now', {}));
        wake.current();
      },
      async resolve(claimId, keep) {
        const articleId = latest.current.desk.state.articleId;
        if (!articleId) return;
        const result = await syncCall(client, 'claims.resolveConflict', { articleId, claimId, keep });
        setConflictId(null);
        latest.current.notify(result.deleted ? 'Conflict resolved: the claim stays deleted.' : 'Conflict resolved.');
        reloadWanted.current = true;
        wake.current();
      },
      openConflict: setConflictId,
      openTeamLibrary() {
        focusRequest.current = true;
        latest.current.openPreferences();
      },
      takeFocusRequest() {
        const asked = focusRequest.current;
        focusRequest.current = false;
        return asked;
      },
      watchEditor(claimId, element) {
        if (element) editors.current.set(claimId, element);
        else editors.current.delete(claimId);
      },
    }),
    [client, showStatus],
  );

  const claims = desk.state.claims;
  const articles = library.articles;
  const rejected = status?.rejected;
  // With nothing refused, the rows stay the same array through every edit, so the context (and the
  // rows' marks that read it) is not drawn again with each claim change.
  const rejectedRows = useMemo<readonly RejectedRow[]>(
    () =>
      !rejected?.length ? NO_ROWS : rejected.map((r, i) => {
        const claim = r.claimId ? claims.find((c) => c.id === r.claimId) : undefined;
        const article = articles.find((a) => a.id === r.articleId)?.title ?? 'an article';
        const what = claim ? `Claim “${snippet(claim.target.quote.exact, 60)}”` : r.claimId ? 'A claim' : 'A change';
        return { key: `${i}:${r.articleId}:${r.claimId ?? ''}`, claimId: r.claimId ?? null, text: `${what} in “${article}”: ${r.reason}` };
      }),
    [rejected, claims, articles],
  );
  const conflictClaim = conflictId ? claims.find((c) => c.id === conflictId) ?? null : null;
  return useMemo(() => ({ status, rejectedRows, actions, conflictClaim }), [status, rejectedRows, actions, conflictClaim]);
}
