/** "Import as a new version of this article…": a file becomes the next version, its claims carried over. */
import { useRef } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import type { ArticleRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';

interface Props {
  client: FactmarkClient;
  article: ArticleRecord;
  onImported(result: ResponseOf<'import.file'>): void;
  onError(error: unknown): void;
}

function base64Of(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function NewVersionButton({ client, article, onImported, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const importFile = async (file: File) => {
    const dataBase64 = base64Of(await file.arrayBuffer());
    onImported(await client.call('import.file', { fileName: file.name, dataBase64, newVersionOf: article.id }));
  };
  return (
    <>
      <button type="button" className="fm-button" onClick={() => input.current?.click()}>
        Import as a new version…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={`New version of ${article.title}`}
        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importFile(file).catch(onError);
        }}
      />
    </>
  );
}

/** The notice after a new version is imported. */
export function describeCarried(result: ResponseOf<'import.file'>): string {
  const c = result.carried;
  if (result.duplicate) return 'That text is already in the library: opened it.';
  if (!c) return 'New version imported.';
  return `New version imported. Claims carried: ${c.exact} exact, ${c.moved} moved, ${c.changed} changed, ${c.orphaned} orphaned.`;
}
