/** Every export format by id: its label, file extension, MIME type, scope and render function. */
import { renderClaimReview } from './claimreview';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';
import type { ExportFormatId, ExportFormatSpec } from './types';
import { renderW3c } from './w3c';

export const EXPORT_FORMATS: Record<ExportFormatId, ExportFormatSpec> = {
  html: { id: 'html', label: 'HTML report', extension: 'html', mimeType: 'text/html; charset=utf-8', scope: 'article', render: renderHtml },
  pdf: { id: 'pdf', label: 'PDF report', extension: 'pdf', mimeType: 'application/pdf', scope: 'article', render: renderPdf },
  md: { id: 'md', label: 'Markdown report', extension: 'md', mimeType: 'text/markdown; charset=utf-8', scope: 'article', render: renderMarkdown },
  csv: { id: 'csv', label: 'CSV (one row a claim)', extension: 'csv', mimeType: 'text/csv; charset=utf-8', scope: 'collection', render: renderCsv },
  json: { id: 'json', label: 'Factmark JSON', extension: 'factmark.json', mimeType: 'application/json', scope: 'collection', render: renderJson },
  w3c: {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'annotations.jsonld',
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    scope: 'collection',
    render: renderW3c,
  },
  claimreview: {
    id: 'claimreview',
    label: 'schema.org ClaimReview (JSON-LD)',
    extension: 'claimreview.jsonld',
    mimeType: 'application/ld+json',
    scope: 'collection',
    render: renderClaimReview,
  },
};

/** The format ids, in menu order. */
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

/** True when `id` names an export format. */
export function isExportFormat(id: string): id is ExportFormatId {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, id);
}
