/**
 * The claims desk: the open article's claims as React state, every change shown at once and
 * saved through the contract in order (no Save button), with undo/redo, a saving status, and
 * conflict handling when another window changed a claim first.
 */
import { newPublicationFields } from '../../src-shared/claim-publication';
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClaimFieldsPatch } from '../../src-shared/contract';
import { inDocumentOrder, type ClaimRecord, type ClaimTarget } from '../../src-shared/model';
import { statusInfo } from '../../src-shared/statuses';
import { ApiError, errorMessage, type FactmarkClient } from '../api/client';
import { afterNextPaint, nextPaint } from '../after-paint';
import { unseenClaims } from './claim-list';
import {
  EMPTY_UNDO,
  describeChange,
  fieldsBefore,
  forgetClaim,
  inverse,
  record,
  refreshClaim,
  takeRedo,
  takeUndo,
  type ClaimChange,
  type UndoState,
} from './undo-stack';

export type ClaimPatch = Partial<ClaimFieldsPatch>;

/** The save indicator: idle before the first change. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** A change refused because the claim changed elsewhere; `attempted` can be applied again. */
export interface Conflict {
  claimId: string;
  attempted: ClaimPatch;
  message: string;
}

export interface ClaimsDesk {
  claims: readonly ClaimRecord[];
  /** True while the claims after the opening ones are still being fetched (`claims` then holds only the first). */
  loading: boolean;
  save: SaveState;
  conflict: Conflict | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Create a claim for a selection; returns its id at once (the view shows it before the host answers). */
  create(target: ClaimTarget): string;
  update(claimId: string, patch: ClaimPatch): void;
  remove(claimId: string): void;
  undo(): string | null;
  redo(): string | null;
  /** Apply the conflicting change again, on top of the newer version. */
  reapply(): void;
  dismissConflict(): void;
}

interface Options {
  client: FactmarkClient;
  articleId: string;
  /** The article's first claims in document order, as it was opened. */
  initialClaims: readonly ClaimRecord[];
  /** How many claims the article has; when more than `initialClaims`, the rest are fetched after the first paint. */
  claimCount: number;
  reviewer: string;
  /** Tell the user about a failure (one line). */
  report(message: string): void;
  /** The library's claim counts changed (a claim was created or deleted). */
  onCountChange?(): void;
}

/** Marks a queued change that was refused and reported elsewhere (a conflict). */
const NOT_SAVED = Symbol('not saved');

function newId(): string {
  return crypto.randomUUID();
}

function samePatch(a: ClaimPatch, b: ClaimPatch): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A patch in words, for the conflict message: "status → False". */
export function describePatch(patch: ClaimPatch): string {
  const parts: string[] = [];
  if (patch.status) parts.push(`status → ${statusInfo(patch.status).label}`);
  if (patch.claimant !== undefined) parts.push(`claimant → “${patch.claimant}”`);
  if (patch.note !== undefined) parts.push('note');
  if (patch.evidence) parts.push(`evidence (${patch.evidence.length})`);
  return parts.join(', ') || 'no change';
}

export function useClaimsDesk({ client, articleId, initialClaims, claimCount, reviewer, report, onCountChange }: Options): ClaimsDesk {
  const [claims, setClaims] = useState<readonly ClaimRecord[]>(initialClaims);
  const partial = claimCount > initialClaims.length;
  const [loading, setLoading] = useState(partial);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [undoState, setUndoState] = useState<UndoState>(EMPTY_UNDO);

  // Refs hold what async work needs to read fresh: the claims shown, the versions the host has confirmed,
  // the undo entries, and the queue that keeps calls in order.
  const current = useRef(claims);
  const stored = useRef(new Map<string, ClaimRecord>());
  const undoRef = useRef<UndoState>(EMPTY_UNDO);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(new Map<string, number>());
  const inFlight = useRef(0);
  const opts = useRef({ report, onCountChange });
  opts.current = { report, onCountChange };

  // A new article (or a reload) replaces everything at once, during render: the view must never be
  // handed the previous article's claims, which would not anchor in the new text.
  const [source, setSource] = useState(initialClaims);
  if (source !== initialClaims) {
    setSource(initialClaims);
    setClaims(initialClaims);
    setLoading(partial);
    setUndoState(EMPTY_UNDO);
    setConflict(null);
    setSave({ kind: 'idle' });
  }
  useLayoutEffect(() => {
    current.current = initialClaims;
    stored.current = new Map(initialClaims.map((c) => [c.id, c]));
    undoRef.current = EMPTY_UNDO;
  }, [initialClaims]);

  // A long article opens with its first claims; the rest are fetched once that first screen is
  // painted, and join the claims shown (changes made meanwhile are kept).
  useLayoutEffect(() => {
    const last = initialClaims[initialClaims.length - 1];
    if (!partial || !last) return;
    let live = true;
    const cancelPaint = afterNextPaint(() => {
      client
        .call('claims.list', { articleId, after: last.id })
        .then((fetched) => {
          if (!live) return;
          const added = unseenClaims(fetched, initialClaims, current.current);
          for (const claim of added) stored.current.set(claim.id, claim);
          show(inDocumentOrder([...current.current, ...added]));
        })
        .catch((error: unknown) => live && opts.current.report(`Some claims could not be loaded: ${errorMessage(error)}`))
        .finally(() => live && setLoading(false));
    });
    return () => {
      live = false;
      cancelPaint();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialClaims]);

  // Leaving the page (closing the tab or window, reloading) while a change is still on its way to
  // the host holds the unload: the browser asks first; the desktop app waits for the save
  // (src-main/electron/close-guard.ts).
  useEffect(() => {
    const holdUnload = (event: BeforeUnloadEvent) => {
      if (inFlight.current === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', holdUnload);
    return () => window.removeEventListener('beforeunload', holdUnload);
  }, []);

  const show = useCallback((next: readonly ClaimRecord[]) => {
    current.current = next;
    setClaims(next);
  }, []);

  const replace = useCallback(
    (claim: ClaimRecord) => show(current.current.map((c) => (c.id === claim.id ? claim : c))),
    [show],
  );

  const setUndo = useCallback((next: UndoState) => {
    undoRef.current = next;
    setUndoState(next);
  }, []);

  /** Load the stored claims again (after a conflict or a claim gone missing). */
  const reload = useCallback(async () => {
    const fresh = await client.call('claims.list', { articleId });
    stored.current = new Map(fresh.map((c) => [c.id, c]));
    show(fresh);
    return fresh;
  }, [articleId, client, show]);

  /** Queue one call after every earlier one; the save status follows the queue. */
  const enqueue = useCallback(
    (claimId: string, work: () => Promise<void | 'not-saved'>) => {
      inFlight.current += 1;
      pending.current.set(claimId, (pending.current.get(claimId) ?? 0) + 1);
      setSave({ kind: 'saving' });
      const painted = nextPaint();
      const run = queue.current.then(() => painted).then(async () => {
        try {
          return (await work()) === 'not-saved' ? NOT_SAVED : null;
        } catch (error) {
          return error;
        } finally {
          const left = (pending.current.get(claimId) ?? 1) - 1;
          if (left > 0) pending.current.set(claimId, left);
          else pending.current.delete(claimId);
        }
      });
      queue.current = run.then((error) => {
        inFlight.current -= 1;
        if (error === NOT_SAVED) setSave({ kind: 'failed', message: 'A change was not saved (see the message above)' });
        else if (error) {
          const message = errorMessage(error);
          setSave({ kind: 'failed', message });
          opts.current.report(message);
        } else if (inFlight.current === 0) setSave((s) => (s.kind === 'failed' ? s : { kind: 'saved' }));
      });
    },
    [],
  );

  /**
   * Take a confirmed version from the host; show it unless newer local changes are still queued.
   * It looks the same as what is shown, so it waits behind anything more urgent (a transition).
   */
  const confirm = useCallback(
    (claim: ClaimRecord) => {
      stored.current.set(claim.id, claim);
      if ((pending.current.get(claim.id) ?? 0) <= 1) {
        current.current = current.current.map((c) => (c.id === claim.id ? claim : c));
        const next = current.current;
        startTransition(() => setClaims(next));
      }
    },
    [],
  );

  const onMissing = useCallback(
    async (claimId: string) => {
      setUndo(forgetClaim(undoRef.current, claimId));
      await reload();
      throw new Error('That claim was deleted in another window; the list has been reloaded.');
    },
    [reload, setUndo],
  );

  /** Run one change against the host (shown first, saved in order); `fresh` creates rather than restores. */
  const perform = useCallback(
    (change: ClaimChange, fresh = false) => {
      if (change.kind === 'create') {
        const claim = change.claim;
        show(inDocumentOrder([...current.current.filter((c) => c.id !== claim.id), claim]));
        enqueue(claim.id, async () => {
          let saved: ClaimRecord;
          try {
            saved = fresh
              ? await client.call('claims.create', { articleId, id: claim.id, range: claim.target.position, status: claim.status, claimant: claim.claimant || undefined })
              : await client.call('claims.restore', { claim });
          } catch (error) {
            show(current.current.filter((c) => c.id !== claim.id));
            throw error;
          }
          confirm(saved);
          setUndo(refreshClaim(undoRef.current, saved));
          opts.current.onCountChange?.();
        });
        return;
      }
      if (change.kind === 'delete') {
        const id = change.claim.id;
        show(current.current.filter((c) => c.id !== id));
        enqueue(id, async () => {
          try {
            const removed = await client.call('claims.delete', { articleId, claimId: id });
            stored.current.delete(id);
            setUndo(refreshClaim(undoRef.current, removed));
            opts.current.onCountChange?.();
          } catch (error) {
            if (error instanceof ApiError && error.code === 'not-found') {
              stored.current.delete(id);
              return;
            }
            await reload();
            throw error;
          }
        });
        return;
      }
      const { claimId, after } = change;
      const local = current.current.find((c) => c.id === claimId);
      if (local) {
        const now = new Date().toISOString();
        const statusChanged = after.status !== undefined && after.status !== local.status;
        replace({
          ...local,
          ...after,
          updatedAt: now,
          history: statusChanged ? [...local.history, { status: after.status!, at: now, reviewer }] : local.history,
        });
      }
      enqueue(claimId, async () => {
        const base = stored.current.get(claimId);
        if (!base) return onMissing(claimId);
        try {
          confirm(await client.call('claims.update', { articleId, claimId, baseRevision: base.revision, patch: after }));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          if (error.code === 'not-found') return onMissing(claimId);
          if (error.code !== 'conflict') {
            await reload();
            throw error;
          }
          const fresh = await reload();
          const newer = fresh.find((c) => c.id === claimId);
          if (!newer) return onMissing(claimId);
          setConflict({
            claimId,
            attempted: after,
            message: `This claim was changed in another window (now revision ${newer.revision}). The newer version is shown; your change (${describePatch(after)}) was not saved.`,
          });
          return 'not-saved';
        }
      });
    },
    [articleId, client, confirm, enqueue, onMissing, reload, replace, reviewer, setUndo, show],
  );

  const create = useCallback(
    (target: ClaimTarget): string => {
      const now = new Date().toISOString();
      const claim: ClaimRecord = {
        id: newId(),
        articleId,
        target,
        claimant: '',
        status: 'unverified',
        evidence: [],
        note: '',
        reviewer,
        createdAt: now,
        updatedAt: now,
        revision: 1,
        history: [{ status: 'unverified', at: now, reviewer }],
        ...newPublicationFields(target.quote.exact, '', 'unverified', now),
      };
      const change: ClaimChange = { kind: 'create', claim };
      setUndo(record(undoRef.current, change));
      perform(change, true);
      return claim.id;
    },
    [articleId, perform, reviewer, setUndo],
  );

  const update = useCallback(
    (claimId: string, patch: ClaimPatch) => {
      const local = current.current.find((c) => c.id === claimId);
      if (!local) return;
      const before = fieldsBefore(local, patch);
      if (samePatch(before, patch)) return;
      const change: ClaimChange = { kind: 'update', claimId, before, after: patch };
      setUndo(record(undoRef.current, change));
      perform(change);
    },
    [perform, setUndo],
  );

  const remove = useCallback(
    (claimId: string) => {
      const local = current.current.find((c) => c.id === claimId);
      if (!local) return;
      const change: ClaimChange = { kind: 'delete', claim: stored.current.get(claimId) ?? local };
      setUndo(record(undoRef.current, change));
      perform(change);
    },
    [perform, setUndo],
  );

  const undo = useCallback((): string | null => {
    const taken = takeUndo(undoRef.current);
    if (!taken) return null;
    setUndo(taken.state);
    const change = inverse(taken.change);
    perform(change);
    return `Undid ${describeChange(taken.change)}`;
  }, [perform, setUndo]);

  const redo = useCallback((): string | null => {
    const taken = takeRedo(undoRef.current);
    if (!taken) return null;
    setUndo(taken.state);
    perform(taken.change);
    return `Redid ${describeChange(taken.change)}`;
  }, [perform, setUndo]);

  const reapply = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    update(conflict.claimId, conflict.attempted);
  }, [conflict, update]);

  const dismissConflict = useCallback(() => setConflict(null), []);

  return useMemo(
    () => ({
      claims: source === initialClaims ? claims : initialClaims,
      loading: source === initialClaims ? loading : partial,
      save,
      conflict,
      canUndo: undoState.done.length > 0,
      canRedo: undoState.undone.length > 0,
      create,
      update,
      remove,
      undo,
      redo,
      reapply,
      dismissConflict,
    }),
    [source, initialClaims, claims, loading, partial, save, conflict, undoState, create, update, remove, undo, redo, reapply, dismissConflict],
  );
}
