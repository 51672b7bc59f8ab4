/** File ▸ Export: choose a format and scope (whole article or the claims the filter shows), then save. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';

type Formats = ResponseOf<'export.formats'>;
type ExportedFile = ResponseOf<'export.article'>;

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

export function ExportDialog({ client, articleId, filteredClaimIds, totalClaims, onClose, onExported }: Props) {
  const [formats, setFormats] = useState<Formats>([]);
  const [format, setFormat] = useState<Formats[number]['id']>('html');
  const [onlyFiltered, setOnlyFiltered] = useState(filteredClaimIds !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('export.formats', {}).then(setFormats, (e: Error) => setError(e.message));
  }, [client]);

  const count = onlyFiltered && filteredClaimIds ? filteredClaimIds.length : totalClaims;

  async function run(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const file = await client.call('export.article', {
        articleId,
        format,
        ...(onlyFiltered && filteredClaimIds ? { claimIds: [...filteredClaimIds] } : {}),
      });
      saveExportedFile(file);
      onExported(file.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Export" onClose={onClose} className="fm-form-dialog">
      <form className="fm-form" onSubmit={(e) => void run(e)}>
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
        {busy ? (
          <p role="status" className="fm-progress">
            <progress aria-label="Export progress" /> Exporting {count} claims…
          </p>
        ) : null}
        <FormFooter error={error} submitLabel="Export" onCancel={onClose} busy={busy} canSubmit={formats.length > 0} />
      </form>
    </Dialog>
  );
}
