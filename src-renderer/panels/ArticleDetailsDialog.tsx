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

/** A publication date as stored: YYYY-MM-DD, or an ISO 8601 date and time; empty when unknown. */
export function isPublishedDate(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function problemIn(draft: ArticleMetaFields): string | null {
  if (!draft.title.trim()) return 'The title must not be empty.';
  if (!isPublishedDate(draft.publishedAt)) return `“Published” must be a date such as 2024-03-10 (or empty), not “${draft.publishedAt.trim().slice(0, 40)}”.`;
  return null;
}

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
    problemIn,
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
