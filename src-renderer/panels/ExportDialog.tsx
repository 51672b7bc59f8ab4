/**
 * File ▸ Export: choose a format and the claims (the whole article or those the filter shows),
 * whether internal notes are published, the report's overall summary and where the fact-check is
 * published; see the report as it will be exported (a preview in a sandboxed frame, with a line for
 * each claim it flags), then save.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import './export-dialog.css';

type Formats = ResponseOf<'export.formats'>;
type ExportedFile = ResponseOf<'export.article'>;
type Preview = ResponseOf<'export.preview'>;

interface Props {
  client: FactmarkClient;
  articleId: string;
  /** Claims the panel's filter currently shows (in document order); null when no filter is on. */
  filteredClaimIds: readonly string[] | null;
  totalClaims: number;
  onClose(): void;
  onExported(fileName: string): void;
}

/** Save an exported file through the browser's download (Electron shows a Save dialog for it). */
export function saveExportedFile(file: ExportedFile): void {
  const body =
    'text' in file
      ? new Blob([file.text], { type: file.mimeType })
      : new Blob([Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0))], { type: file.mimeType });
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The article's publication fields as saved, and as being edited. */
interface PublicationFields {
  reportSummary: string;
  factCheckUrl: string;
}

export function ExportDialog({ client, articleId, filteredClaimIds, totalClaims, onClose, onExported }: Props) {
  const [formats, setFormats] = useState<Formats>([]);
  const [format, setFormat] = useState<Formats[number]['id']>('html');
  const [onlyFiltered, setOnlyFiltered] = useState(filteredClaimIds !== null);
  const [includeNotes, setIncludeNotes] = useState(false);
  const [fields, setFields] = useState<PublicationFields>({ reportSummary: '', factCheckUrl: '' });
  const saved = useRef<PublicationFields | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const warningsId = useId();

  const claimIds = onlyFiltered && filteredClaimIds ? [...filteredClaimIds] : undefined;
  const count = claimIds ? claimIds.length : totalClaims;

  useEffect(() => {
    client.call('export.formats', {}).then(setFormats, (e: Error) => setError(e.message));
    client.call('library.get', { articleId, claimLimit: 1 }).then(({ article }) => {
      const loaded = { reportSummary: article.reportSummary ?? '', factCheckUrl: article.factCheckUrl ?? '' };
      saved.current = loaded;
      setFields(loaded);
    }, (e: Error) => setError(e.message));
  }, [client, articleId]);

  /** Save the summary and published URL if they changed; false (with the error shown) when the host refused them. */
  const saveFields = useCallback(async (): Promise<boolean> => {
    const before = saved.current;
    if (!before || (before.reportSummary === fields.reportSummary && before.factCheckUrl === fields.factCheckUrl)) return true;
    try {
      const sent = fields;
      const article = await client.call('library.updateMeta', { articleId, meta: { ...sent } });
      const stored = { reportSummary: article.reportSummary ?? '', factCheckUrl: article.factCheckUrl ?? '' };
      saved.current = stored;
      // Show what was stored (a bare domain comes back as https://…), unless the field was edited meanwhile.
      setFields((now) => ({
        reportSummary: now.reportSummary === sent.reportSummary ? stored.reportSummary : now.reportSummary,
        factCheckUrl: now.factCheckUrl === sent.factCheckUrl ? stored.factCheckUrl : now.factCheckUrl,
      }));
      setError(null);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }, [client, articleId, fields]);

  const refreshPreview = useCallback(async () => {
    setPreviewing(true);
    const ids = onlyFiltered && filteredClaimIds ? [...filteredClaimIds] : undefined;
    try {
      setPreview(await client.call('export.preview', { articleId, includeNotes, ...(ids ? { claimIds: ids } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPreviewing(false);
    }
  }, [client, articleId, includeNotes, onlyFiltered, filteredClaimIds]);

  useEffect(() => {
    void refreshPreview();
  }, [refreshPreview]);

  const commitFields = async () => {
    if (await saveFields()) await refreshPreview();
  };

  async function run(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!(await saveFields())) return;
      const file = await client.call('export.article', { articleId, format, includeNotes, ...(claimIds ? { claimIds } : {}) });
      saveExportedFile(file);
      onExported(file.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Export" onClose={onClose} className="fm-export-dialog">
      <div className="fm-export-layout">
        <form className="fm-form fm-export-form" onSubmit={(e) => void run(e)}>
          <label className="fm-field">
            <span>Format</span>
            <select data-autofocus value={format} onChange={(e) => setFormat(e.target.value as Formats[number]['id'])} disabled={busy}>
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label} (.{f.extension})
                </option>
              ))}
            </select>
          </label>
          <fieldset className="fm-choices">
            <legend>Claims to export</legend>
            <label className="fm-choice">
              <input type="radio" name="fm-export-scope" checked={!onlyFiltered} onChange={() => setOnlyFiltered(false)} disabled={busy} />
              All {totalClaims} claims
            </label>
            <label className="fm-choice">
              <input type="radio" name="fm-export-scope" checked={onlyFiltered} onChange={() => setOnlyFiltered(true)} disabled={busy || !filteredClaimIds} />
              {filteredClaimIds ? `Only the ${filteredClaimIds.length} claims the filter shows` : 'Only the claims a filter shows (no filter is on)'}
            </label>
          </fieldset>
          <label className="fm-choice">
            <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} disabled={busy} />
            Include internal notes (claim and evidence notes are left out of reports unless ticked)
          </label>
          <label className="fm-field">
            <span>Overall summary</span>
            <textarea
              rows={4}
              value={fields.reportSummary}
              placeholder={preview ? `Generated: ${preview.defaultSummary}` : 'Leave empty for a summary generated from the counts'}
              onChange={(e) => setFields({ ...fields, reportSummary: e.target.value })}
              onBlur={() => void commitFields()}
              disabled={busy}
            />
          </label>
          <label className="fm-field">
            <span>Published at (the fact-check’s URL)</span>
            <input
              type="url"
              value={fields.factCheckUrl}
              placeholder="https://…"
              onChange={(e) => setFields({ ...fields, factCheckUrl: e.target.value })}
              onBlur={() => void commitFields()}
              disabled={busy}
            />
          </label>
          {busy ? (
            <p role="status" className="fm-progress">
              <progress aria-label="Export progress" /> Exporting {count} claims…
            </p>
          ) : null}
          <FormFooter error={error} submitLabel="Export" onCancel={onClose} busy={busy} canSubmit={formats.length > 0} />
        </form>
        <section className="fm-export-preview" aria-label="Report preview" aria-busy={previewing}>
          <h3 className="fm-section-title">Preview{previewing ? ' (updating…)' : ''}</h3>
          {preview && preview.warnings.length > 0 ? (
            <ul className="fm-export-warnings" id={warningsId} aria-label="Before publishing">
              {preview.warnings.map((w) => (
                <li key={w}>⚠ {w}</li>
              ))}
            </ul>
          ) : null}
          {preview ? <iframe title="Report preview" sandbox="" srcDoc={preview.html} aria-describedby={preview.warnings.length ? warningsId : undefined} /> : <p className="fm-muted">Loading the preview…</p>}
        </section>
      </div>
    </Dialog>
  );
}
