/**
 * The library-wide Claims view: every claim of every article in one virtual list (claims.search,
 * paged as it scrolls), filtered by text, status, claimant, article and date range, sorted; a row
 * opens its claim in its article or its claimant's page; the claims shown can be exported.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../src-shared/contract';
import type { LibraryClaimRow } from '../../src-shared/contract-library';
import type { ArticleSummaryRow, StatusId } from '../../src-shared/model';
import { STATUSES } from '../../src-shared/statuses';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { saveExportedFile } from '../panels/ExportDialog';
import { StatusChip } from '../panels/StatusChip';
import { FilterField, type FilterOption } from './FilterField';

type Sort = NonNullable<RequestOf<'claims.search'>['sort']>;
type Query = Omit<RequestOf<'claims.search'>, 'limit' | 'after'>;

const PAGE = 200;
const ROW_HEIGHT = 76;
const EXPORT_FORMATS = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'Factmark JSON' },
  { value: 'w3c', label: 'W3C annotations' },
  { value: 'claimreview', label: 'ClaimReview' },
] as const;
const STATUS_OPTIONS: FilterOption[] = [{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s.id, label: s.label }))];
const SORT_OPTIONS: FilterOption[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'status', label: 'Status' },
  { value: 'claimant', label: 'Claimant' },
  { value: 'article', label: 'Article' },
];

interface Props {
  client: FactmarkClient;
  articles: readonly ArticleSummaryRow[];
  onOpenClaim(articleId: string, claimId: string): void;
  onOpenClaimant(name: string): void;
  onClose(): void;
  notify(text: string): void;
}

/** The search request for the filter fields (empty fields left out). */
function queryOf(f: { text: string; status: string; claimant: string; articleId: string; from: string; to: string; sort: string }): Query {
  return {
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    ...(f.status ? { status: f.status as StatusId } : {}),
    ...(f.claimant.trim() ? { claimant: f.claimant.trim() } : {}),
    ...(f.articleId ? { articleId: f.articleId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.sort ? { sort: f.sort as Sort } : {}),
  };
}

export function ClaimsView({ client, articles, onOpenClaim, onOpenClaimant, onClose, notify }: Props) {
  const [fields, setFields] = useState({ text: '', status: '', claimant: '', articleId: '', from: '', to: '', sort: '' });
  const [rows, setRows] = useState<LibraryClaimRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<(typeof EXPORT_FORMATS)[number]['value']>('csv');
  const query = useRef<Query>({});
  const loadingMore = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const articleOptions = useMemo(() => [{ value: '', label: 'Any article' }, ...articles.map((a) => ({ value: a.id, label: a.title }))], [articles]);

  // A new search 250 ms after the filters stop changing; only the newest answer is shown.
  useEffect(() => {
    const q = queryOf(fields);
    let stale = false;
    const timer = setTimeout(() => {
      client.call('claims.search', { ...q, limit: PAGE }).then(
        (r: ResponseOf<'claims.search'>) => {
          if (stale) return;
          query.current = q;
          setRows(r.claims);
          setTotal(r.total);
          setNext(r.next);
          setError(null);
          scroller.current?.scrollTo({ top: 0 });
        },
        (err) => !stale && setError(errorMessage(err)),
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, fields]);

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtual.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  // The next page is fetched when the list is scrolled near its end.
  useEffect(() => {
    if (!next || loadingMore.current || lastShown < rows.length - 20) return;
    loadingMore.current = true;
    const q = query.current;
    client
      .call('claims.search', { ...q, limit: PAGE, after: next })
      .then((r) => {
        if (query.current !== q) return;
        setRows((old) => [...old, ...r.claims]);
        setNext(r.next);
      }, (err) => setError(errorMessage(err)))
      .finally(() => (loadingMore.current = false));
  }, [client, next, lastShown, rows.length]);

  async function exportShown(): Promise<void> {
    try {
      const chosen: LibraryClaimRow[] = [];
      let after: string | undefined;
      do {
        const page = await client.call('claims.search', { ...query.current, limit: 5_000, after });
        chosen.push(...page.claims);
        after = page.next ?? undefined;
      } while (after);
      if (chosen.length === 0) return setError('No claims to export: change the filters.');
      const articleIds = [...new Set(chosen.map((c) => c.articleId))];
      const file = await client.call('export.library', { format, articleIds, claimIds: chosen.map((c) => c.claimId) });
      saveExportedFile(file);
      notify(`Exported ${chosen.length} claim${chosen.length === 1 ? '' : 's'} to ${file.fileName}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title="All claims" onClose={onClose} className="fm-claims-view">
      <form className="fm-claims-filters" role="search" aria-label="Filter all claims" onSubmit={(e) => e.preventDefault()}>
        <FilterField label="Text" name="Search claims" type="search" autoFocus value={fields.text} onChange={set('text')} placeholder="Words of the quote, note or evidence" />
        <FilterField label="Status" name="Status filter" value={fields.status} onChange={set('status')} options={STATUS_OPTIONS} />
        <FilterField label="Claimant" name="Claimant filter" type="text" value={fields.claimant} onChange={set('claimant')} />
        <FilterField label="Article" name="Article filter" value={fields.articleId} onChange={set('articleId')} options={articleOptions} />
        <FilterField label="From" name="Claimed from" type="date" value={fields.from} onChange={set('from')} />
        <FilterField label="To" name="Claimed to" type="date" value={fields.to} onChange={set('to')} />
        <FilterField label="Sort" name="Sort claims" value={fields.sort} onChange={set('sort')} options={[{ value: '', label: fields.text.trim() ? 'Best match' : 'Newest first' }, ...SORT_OPTIONS]} />
      </form>
      <div className="fm-claims-view-bar">
        <p aria-live="polite" className="fm-hint">
          {total === null ? 'Searching…' : `${total.toLocaleString()} claim${total === 1 ? '' : 's'}`}
        </p>
        <FilterField className="fm-inline" label="Export as" name="Export format for the claims shown" value={format} onChange={(v) => setFormat(v as typeof format)} options={EXPORT_FORMATS} />
        <button type="button" className="fm-button" onClick={() => void exportShown()} disabled={!total}>
          Export claims shown
        </button>
      </div>
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={scroller} className="fm-claims-view-list" role="list" aria-label="All claims" aria-rowcount={total ?? undefined}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const c = rows[item.index];
            return (
              <div key={`${c.articleId}/${c.claimId}`} role="listitem" className="fm-claims-view-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <p className="fm-claims-view-quote">“{c.quote.length > 180 ? `${c.quote.slice(0, 180)}…` : c.quote}”</p>
                <p className="fm-claims-view-meta">
                  <StatusChip status={c.status} /> {c.claimant ? (
                    <button type="button" className="fm-link-button" onClick={() => onOpenClaimant(c.claimantName || c.claimant)} aria-label={`Claimant page: ${c.claimantName || c.claimant}`}>
                      {c.claimantName || c.claimant}
                    </button>
                  ) : <span className="fm-hint">No claimant</span>} · {c.articleTitle}
                  {c.page ? ` · p. ${c.page}` : ''} · {c.evidenceCount} evidence · {new Date(c.createdAt).toLocaleDateString()}{' '}
                  <button type="button" className="fm-button" onClick={() => onOpenClaim(c.articleId, c.claimId)} aria-label={`Open claim in ${c.articleTitle}: ${c.quote.slice(0, 60)}`}>
                    Open
                  </button>
                </p>
              </div>
            );
          })}
        </div>
      </div>
    </Dialog>
  );
}
