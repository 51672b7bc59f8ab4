/** The article details form: title, byline, publisher, URL, published date and language (library.updateMeta). */
import type { ReactNode } from 'react';
import type { ArticleMetaFields, ArticleRecord } from '../../src-shared/model';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useDraftForm } from '../components/use-draft-form';

interface Props {
  article: ArticleRecord;
  /** Shown below the form (the article's linked versions). */
  children?: ReactNode;
  onSave(meta: ArticleMetaFields): Promise<void>;
  onClose(): void;
}

const FIELDS: readonly { key: keyof ArticleMetaFields; label: string; type?: string; placeholder?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'byline', label: 'Byline' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'sourceUrl', label: 'URL', type: 'url', placeholder: 'https://…' },
  { key: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { key: 'language', label: 'Language', placeholder: 'en' },
];

export function ArticleDetailsDialog({ article, onSave, onClose, children }: Props) {
  const { draft, setDraft, error, submit } = useDraftForm<ArticleMetaFields>(
    {
      title: article.title,
      byline: article.byline,
      publisher: article.publisher,
      sourceUrl: article.sourceUrl,
      publishedAt: article.publishedAt,
      language: article.language,
    },
    onSave,
    onClose,
    (d) => (d.title.trim() ? null : 'The title must not be empty.'),
  );
  return (
    <Dialog title="Article details" onClose={onClose} className="fm-form-dialog">
      <form onSubmit={(e) => void submit(e)} className="fm-form">
        {FIELDS.map((f, i) => (
          <label key={f.key} className="fm-field">
            <span>{f.label}</span>
            <input
              type={f.type ?? 'text'}
              data-autofocus={i === 0 ? true : undefined}
              placeholder={f.placeholder}
              value={draft[f.key]}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <FormFooter error={error} submitLabel="Save details" onCancel={onClose} />
      </form>
      {children}
    </Dialog>
  );
}
