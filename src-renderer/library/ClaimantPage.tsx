/**
 * A claimant's page: counts per status, first and last seen, every claim they made across the
 * library (each opens in its article), other spellings, and merging other names into this one
 * (or undoing the merge).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import { STATUSES } from '../../src-shared/statuses';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { StatusChip } from '../panels/StatusChip';

type Page = ResponseOf<'claimants.get'>;
type Claimants = ResponseOf<'claimants.list'>;

interface Props {
  client: FactmarkClient;
  name: string;
  onOpenClaim(articleId: string, claimId: string): void;
  onOpenClaimant(name: string): void;
  onClose(): void;
  notify(text: string): void;
}

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

export function ClaimantPage({ client, name, onOpenClaim, onOpenClaimant, onClose, notify }: Props) {
  const [page, setPage] = useState<Page | null>(null);
  const [others, setOthers] = useState<Claimants>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [p, all] = await Promise.all([client.call('claimants.get', { name }), client.call('claimants.list', {})]);
    setPage(p);
    setOthers(all.filter((c) => c.name !== p.claimant.name));
  }, [client, name]);

  useEffect(() => {
    load().catch((err) => setError(errorMessage(err)));
  }, [load]);

  async function merge(): Promise<void> {
    if (!page || chosen.length === 0) return;
    try {
      const merged = await client.call('claimants.merge', { names: [page.claimant.name, ...chosen], into: page.claimant.name });
      setChosen([]);
      notify(`Merged ${chosen.join(', ')} into ${merged.name}.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function unmerge(): Promise<void> {
    if (!page) return;
    try {
      const back = await client.call('claimants.unmerge', { name: page.claimant.name });
      notify(`Merge undone: ${back.map((c) => c.name).join(', ')} are separate again.`);
      const own = back.find((c) => c.name === name) ?? back[0];
      if (own && own.name !== name) onOpenClaimant(own.name);
      else await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const c = page?.claimant;
  return (
    <Dialog title={`Claimant: ${c?.name ?? name}`} onClose={onClose} className="fm-claimant-page">
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
      {c ? (
        <>
          <dl className="fm-claimant-facts" aria-label="Claimant summary">
            <dt>Claims</dt>
            <dd>{c.claimCount}</dd>
            <dt>First seen</dt>
            <dd>{day(c.firstSeen)}</dd>
            <dt>Last seen</dt>
            <dd>{day(c.lastSeen)}</dd>
            {c.aliases.length ? (
              <>
                <dt>Also written</dt>
                <dd>{c.aliases.join('; ')}</dd>
              </>
            ) : null}
          </dl>
          <ul className="fm-claimant-counts" aria-label="Claims per status">
            {STATUSES.filter((s) => c.counts[s.id]).map((s) => (
              <li key={s.id}>
                <StatusChip status={s.id} /> {c.counts[s.id]}
              </li>
            ))}
          </ul>
          {c.merged ? (
            <button type="button" className="fm-button" onClick={() => void unmerge()}>
              Undo merge
            </button>
          ) : null}
          <section aria-label="Merge other names into this claimant" className="fm-editor-section">
            <h3 className="fm-section-title">Same person, written differently?</h3>
            {others.length === 0 ? <p className="fm-hint">No other claimants in the library.</p> : null}
            <ul className="fm-claimant-merge-list">
              {others.slice(0, 200).map((o) => (
                <li key={o.name}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.name)}
                      onChange={(e) => setChosen((list) => (e.target.checked ? [...list, o.name] : list.filter((n) => n !== o.name)))}
                    />{' '}
                    {o.name} ({o.claimCount})
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" className="fm-button" disabled={chosen.length === 0} onClick={() => void merge()}>
              Merge into {c.name}
            </button>
          </section>
          <section aria-label={`Claims by ${c.name}`} className="fm-editor-section">
            <h3 className="fm-section-title">Claims</h3>
            <ul className="fm-claimant-claims">
              {page.claims.map((claim) => (
                <li key={`${claim.articleId}/${claim.claimId}`}>
                  <StatusChip status={claim.status} /> “{claim.quote}” — {claim.articleTitle}
                  {claim.page ? `, p. ${claim.page}` : ''} ({day(claim.createdAt)}){' '}
                  <button type="button" className="fm-button" onClick={() => onOpenClaim(claim.articleId, claim.claimId)} aria-label={`Open claim in ${claim.articleTitle}: ${claim.quote.slice(0, 60)}`}>
                    Open
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : error ? null : (
        <p className="fm-hint">Loading…</p>
      )}
    </Dialog>
  );
}
