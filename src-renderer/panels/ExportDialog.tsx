/** File ▸ Export: choose a format and scope (whole article or the claims the filter shows), then save. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import type { FactmarkClient } from '../api/client';

type Formats = ResponseOf<'export.formats'>;
type ExportedFile = ResponseOf<'export.article'>;

interface Props {
  client: FactmarkClient;
  articleId: string;
  articleTitle: string;
  /** Claims the panel's filter currently shows (in document order); null when no filter is on. */
  filteredClaimIds: readonly string[] | null;
  totalClaims: number;
  onClose(): void;
}

/** Save an exported file through the browser's download (Electron shows a Save dialog for it). */
export function saveExportedFile(file: ExportedFile): void {
  const body = 'text' in file ? new Blob([file.text], { type: file.mimeType }) : new Blob([Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0))], { type: file.mimeType });
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportDialog({ client, articleId, articleTitle, filteredClaimIds, totalClaims, onClose }: Props) {
  const [formats, setFormats] = useState<Formats>([]);
  const [format, setFormat] = useState<string>('html');
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    client.call('export.formats', {}).then(setFormats, (e: Error) => setError(e.message));
    first.current?.focus();
  }, [client]);

  const count = onlyFiltered && filteredClaimIds ? filteredClaimIds.length : totalClaims;

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const file = await client.call('export.article', {
        articleId,
        format: format as Formats[number]['id'],
        ...(onlyFiltered && filteredClaimIds ? { claimIds: [...filteredClaimIds] } : {}),
      });
      saveExportedFile(file);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fm-dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="fm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>Export “{articleTitle}”</h2>
        <label className="fm-field">
          Format
          <select ref={first} value={format} onChange={(e) => setFormat(e.target.value)} disabled={busy}>
            {formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} (.{f.extension})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="fm-field">
          <legend>Claims</legend>
          <label>
            <input type="radio" name="fm-export-scope" checked={!onlyFiltered} onChange={() => setOnlyFiltered(false)} disabled={busy} /> All {totalClaims} claims
          </label>
          <label>
            <input
              type="radio"
              name="fm-export-scope"
              checked={onlyFiltered}
              onChange={() => setOnlyFiltered(true)}
              disabled={busy || !filteredClaimIds}
            />{' '}
            Only the {filteredClaimIds?.length ?? 0} claims the filter shows
          </label>
        </fieldset>
        {busy ? (
          <p role="status" className="fm-progress">
            <progress aria-label="Export progress" /> Exporting {count} claims…
          </p>
        ) : null}
        {error ? <p role="alert">{error}</p> : null}
        <div className="fm-dialog-actions">
          <button type="button" className="fm-button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="fm-button fm-button-primary" onClick={() => void run()} disabled={busy || formats.length === 0}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}
