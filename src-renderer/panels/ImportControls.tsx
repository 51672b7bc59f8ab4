/**
 * Ways to bring an article in: an "Import…" file picker (.txt, .md, .html, .htm, .docx, .pdf), an
 * "Import from URL" field, a paste target for rich or plain text, files or links dropped anywhere
 * on the window, and File > Import in the desktop app. Every path calls one contract operation
 * (import.file, import.url, import.paste); conversion and sanitising happen on the Node side.
 */
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { FactmarkClient } from '../api/client';
import { IS_MAC } from '../shortcuts';

/** The file types the importer reads. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

interface Props {
  client: FactmarkClient;
  /** Called after an import with the article to open; `duplicate` when it was already in the library. */
  onImported(articleId: string, duplicate: boolean): void;
  /** Called with a one-line message when an import fails. */
  onError(error: unknown): void;
  /** Set to a function that opens the file picker (for Ctrl+O in the browser host). */
  openRef?: React.MutableRefObject<(() => void) | null>;
}

/** A file's bytes as base64 (what import.file takes). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** The first http(s) address in a dropped text/uri-list, if any. */
function droppedUrl(data: DataTransfer): string | undefined {
  const list = data.getData('text/uri-list') || data.getData('text/plain');
  return list
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => /^https?:\/\//i.test(line));
}

export function ImportControls({ client, onImported, onError, openRef }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  if (openRef) openRef.current = () => fileInput.current?.click();
  const pasteTarget = useRef<HTMLDivElement>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);

  /** Run one import, showing what is being imported until it ends. */
  const run = useCallback(
    async (what: string, call: () => Promise<{ article: { id: string }; duplicate: boolean }>) => {
      setBusy(what);
      try {
        const { article, duplicate } = await call();
        onImported(article.id, duplicate);
        return true;
      } catch (error) {
        onError(error);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [onImported, onError],
  );

  const importFiles = useCallback(
    async (files: Iterable<File>) => {
      for (const file of files) {
        await run(`Importing ${file.name}…`, async () => client.call('import.file', { fileName: file.name, dataBase64: await readAsBase64(file) }));
      }
    },
    [client, run],
  );

  const importUrl = useCallback(
    (address: string) => run(`Fetching ${address}…`, () => client.call('import.url', { url: address })),
    [client, run],
  );

  // Files (or links) dropped anywhere on the window are imported.
  useEffect(() => {
    const carriesImport = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].some((t) => t === 'Files' || t === 'text/uri-list');
    const onDragOver = (e: DragEvent) => {
      if (!carriesImport(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesImport(e) || !e.dataTransfer) return;
      e.preventDefault();
      setDragging(false);
      const files = [...e.dataTransfer.files];
      if (files.length) void importFiles(files);
      else {
        const address = droppedUrl(e.dataTransfer);
        if (address) void importUrl(address);
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles, importUrl]);

  // File > Import… in the desktop app opens the same picker.
  useEffect(() => client.onMenuCommand((command) => command === 'import' && fileInput.current?.click()), [client]);

  useEffect(() => {
    if (pasting) pasteTarget.current?.focus();
  }, [pasting]);

  const onUrlSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (url.trim() && (await importUrl(url.trim()))) setUrl('');
  };

  // The paste is never inserted into this page: its HTML goes to the Node side to be sanitised.
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    setPasting(false);
    void run('Importing the pasted text…', () => client.call('import.paste', html ? { html, text } : { text }));
  };

  return (
    <section className="fm-import" aria-label="Import articles" style={{ padding: '4px 8px 8px', display: 'grid', gap: 6 }}>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        <button type="button" className="fm-button" onClick={() => fileInput.current?.click()} disabled={!!busy}>
          Import…
        </button>
        <button type="button" className="fm-button" aria-expanded={pasting} onClick={() => setPasting((p) => !p)} disabled={!!busy}>
          Paste as article
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_ACCEPT}
        multiple
        hidden
        aria-label="Article file to import"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void importFiles(files);
        }}
      />
      <form onSubmit={onUrlSubmit} aria-label="Import from URL" style={{ display: 'flex', gap: 6 }}>
        <input
          type="url"
          required
          placeholder="https://…"
          aria-label="Web address of the article"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          disabled={!!busy}
          style={{ flex: 1, minWidth: 0 }}
        />
        <button type="submit" className="fm-button" disabled={!!busy || !url.trim()}>
          Import from URL
        </button>
      </form>
      {pasting ? (
        <div
          ref={pasteTarget}
          role="textbox"
          aria-label="Paste the article here"
          aria-multiline="true"
          tabIndex={0}
          contentEditable
          suppressContentEditableWarning
          onPaste={onPaste}
          onBeforeInput={(e) => e.preventDefault()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setPasting(false);
          }}
          style={{ border: '1px dashed var(--border)', borderRadius: 6, padding: 8, minHeight: 48, fontSize: 13, color: 'var(--muted)' }}
        >
          Press {IS_MAC ? '⌘V' : 'Ctrl+V'} to paste the article here (Esc to cancel).
        </div>
      ) : null}
      <p role="status" aria-live="polite" style={{ margin: 0, fontSize: 12, color: 'var(--muted)', minHeight: '1em' }}>
        {busy ?? (dragging ? 'Drop the file to import it.' : '')}
      </p>
    </section>
  );
}
