/** A structured test article (heading, marks, link, lists, quote, hard break) and claim builders over it. */
import { newPublicationFields } from '../../../src-shared/claim-publication';
import { Node as PMNode } from 'prosemirror-model';
import { describeRange } from '../../../src-shared/anchoring/describe';
import type { ArticleRecord, ClaimRecord, StatusId } from '../../../src-shared/model';
import { articleSchema } from '../../../src-shared/schema';
import { docText } from '../../../src-shared/text';
import { hashText } from '../../../src-main/services/documents';
import type { ExportBundle } from '../../../src-main/services/export/types';

const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });

/** Every node and mark type of the article schema, with text around each boundary. */
export const STRUCTURED_DOC = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Ministers meet '), t('in Antalya', [{ type: 'em' }])] },
    {
      type: 'paragraph',
      content: [
        t('Talks were '),
        t('brief', [{ type: 'strong' }]),
        t(' and '),
        t('inconclusive', [{ type: 'em' }, { type: 'strong' }]),
        t(', said '),
        t('the ministry', [{ type: 'link', attrs: { href: 'https://mfa.example/statement' } }]),
        t('.'),
        { type: 'hard_break' },
        t('A second line & <more>.'),
      ],
    },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [t('First point')] }] }, { type: 'list_item', content: [{ type: 'paragraph', content: [t('Second point')] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [t('“We will try,” he said.')] }] },
    { type: 'ordered_list', attrs: { order: 3 }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [t('Third, numbered')] }] }] },
    { type: 'paragraph', content: [t('Unsafe '), t('link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]), t(' stays text.')] },
  ],
};

export const STRUCTURED_NODE: PMNode = PMNode.fromJSON(articleSchema, STRUCTURED_DOC);
export const STRUCTURED_TEXT = docText(STRUCTURED_NODE);

export const STRUCTURED_ARTICLE: ArticleRecord = {
  id: 'structured',
  title: 'Structured <article>',
  byline: '',
  publisher: '',
  sourceUrl: 'https://news.example/structured',
  publishedAt: '2024-05-01',
  language: 'en',
  importedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  doc: STRUCTURED_DOC as ArticleRecord['doc'],
  textHash: hashText(STRUCTURED_TEXT),
};

/** A claim on [start, end) of `text`. */
export function claimAt(text: string, articleId: string, id: string, start: number, end: number, status: StatusId = 'false'): ClaimRecord {
  const at = '2026-01-02T00:00:00.000Z';
  return {
    id,
    articleId,
    target: describeRange(text, start, end),
    claimant: `Claimant ${id}`,
    status,
    evidence: [],
    note: '',
    reviewer: 'R',
    createdAt: at,
    updatedAt: at,
    revision: 1,
    history: [{ status, at, reviewer: 'R' }],
    ...newPublicationFields(text.slice(start, end), `Claimant ${id}`, status, at),
  };
}

/** A one-article bundle for rendering without a library. */
export function bundleOf(article: ArticleRecord, claims: ClaimRecord[], text: string): ExportBundle {
  return {
    articles: [{ article, claims, text }],
    prefs: { reviewer: '', organisation: '', organisationUrl: '' },
    exportedAt: '2026-01-03T00:00:00.000Z',
    options: { includeNotes: false },
  };
}
