/**
 * W3C Web Annotation export (JSON-LD): one AnnotationCollection whose first page holds an
 * Annotation per claim, motivated "assessing" and "highlighting", targeting the article (its source
 * URL, or urn:factmark:article:<id>) with a TextQuoteSelector and a TextPositionSelector (counted in
 * code points, as the model asks). Bodies: the status (assessing), the claimant (tagging), the note
 * (commenting) and each piece of evidence (linking). claimsFromAnnotations reads it back exactly.
 */
import { FactmarkError } from '../../../src-shared/contract';
import type { ArticleRecord, ClaimRecord, EvidenceItem } from '../../../src-shared/model';
import { statusInfo } from '../../../src-shared/statuses';
import { anchorTarget } from '../../../src-shared/anchoring/anchor';
import { CodePointOffsets } from './code-points';
import { guessClaimantKind } from '../../../src-shared/claim-publication';
import { isHttpUrl, jsonForScript } from './escape';
import type { ExportBundle, ExportedArticle } from './types';
import {
  FACTMARK_VOCAB,
  W3C_CONTEXT,
  type W3cAnnotationRecord,
  type W3cBodyRecord,
  type W3cCollectionRecord,
} from './w3c-schema';

/** Factmark as the generator of the collection, and the creator of claims that name no reviewer. */
export const FACTMARK_AGENT = { id: 'urn:factmark:app', type: 'Software', name: 'Factmark' } as const;

const ANNOTATION_ID = /^urn:factmark:article:([A-Za-z0-9_-]{1,64}):claim:([A-Za-z0-9_-]{1,64})$/;

/** An article's Factmark URN (urn:factmark:article:<id>); its claims' and collection's ids extend it. */
export function articleUrn(articleId: string): string {
  return `urn:factmark:article:${articleId}`;
}

/** The IRI an article's annotations target: its http(s) source URL, else its Factmark URN. */
export function articleIri(article: Pick<ArticleRecord, 'id' | 'sourceUrl'>): string {
  return isHttpUrl(article.sourceUrl) ? toIri(article.sourceUrl) : articleUrn(article.id);
}

/** A claim's annotation id: names the article and the claim, so both come back on restore. */
export function annotationId(claim: Pick<ClaimRecord, 'id' | 'articleId'>): string {
  return `${articleUrn(claim.articleId)}:claim:${claim.id}`;
}

/** A URL as an IRI: WHATWG-normalised, with the characters IRIs forbid but URLs keep percent-encoded. */
export function toIri(url: string): string {
  return new URL(url).href.replace(/[|^`{}\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The IRI of a piece of evidence: its URL, or (a source without one) a Factmark URN naming the record. */
function evidenceIri(claim: ClaimRecord, e: EvidenceItem): string {
  return e.url ? toIri(e.url) : `${annotationId(claim)}:evidence:${e.id}`;
}

function evidenceBody(claim: ClaimRecord, e: EvidenceItem): W3cBodyRecord {
  const iri = evidenceIri(claim, e);
  return {
    type: 'SpecificResource',
    purpose: 'linking',
    source: { id: iri, ...(e.title ? { label: e.title } : {}) },
    'fm:evidenceId': e.id,
    'fm:stance': e.stance,
    ...(e.note ? { 'fm:note': e.note } : {}),
    ...(e.date ? { 'fm:date': e.date } : {}),
    ...(e.citation ? { 'fm:citation': e.citation } : {}),
    // The URL as the reviewer typed it (empty for a source without one), when it differs from the IRI, so a restore gives it back exactly.
    ...(iri !== e.url ? { 'fm:url': e.url } : {}),
  };
}

function annotation(item: ExportedArticle, claim: ClaimRecord, offsets: CodePointOffsets): W3cAnnotationRecord {
  const { quote, position } = claim.target;
  const body: W3cBodyRecord[] = [
    { type: 'TextualBody', purpose: 'assessing', value: statusInfo(claim.status).label, format: 'text/plain', 'fm:status': claim.status },
  ];
  if (claim.claimant) body.push({ type: 'TextualBody', purpose: 'tagging', value: claim.claimant, format: 'text/plain' });
  if (claim.explanation) body.push({ type: 'TextualBody', purpose: 'describing', value: claim.explanation, format: 'text/plain' });
  if (claim.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
  body.push(...claim.evidence.map((e) => evidenceBody(claim, e)));
  return {
    id: annotationId(claim),
    type: 'Annotation',
    motivation: ['assessing', 'highlighting'],
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: claim.reviewer ? { type: 'Person', name: claim.reviewer } : { ...FACTMARK_AGENT },
    body,
    target: {
      type: 'SpecificResource',
      source: articleIri(item.article),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: offsets.toPoint(position.start), end: offsets.toPoint(position.end) },
      ],
    },
    'fm:revision': claim.revision,
    'fm:statusHistory': claim.history.map((h) => ({ 'fm:status': h.status, 'fm:at': h.at, 'fm:reviewer': h.reviewer })),
    'fm:claimAsChecked': claim.claimAsChecked,
    'fm:verdictDate': claim.verdictDate,
    'fm:claimantKind': claim.claimantKind,
  };
}

/** The W3C collection for the bundle's articles (all annotations on its first and only page). */
export function buildW3c(bundle: ExportBundle): W3cCollectionRecord {
  const single = bundle.articles.length === 1 ? bundle.articles[0].article : null;
  const id = single ? `${articleUrn(single.id)}:annotations` : `urn:factmark:export:${bundle.exportedAt}`;
  const items = bundle.articles.flatMap((item) => {
    const offsets = new CodePointOffsets(item.text);
    return item.claims.map((c) => annotation(item, c, offsets));
  });
  const pageId = `${id}:page:1`;
  return {
    '@context': [W3C_CONTEXT, { fm: FACTMARK_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label: single ? `Factmark claims: ${single.title}` : `Factmark claims: ${bundle.articles.length} articles`,
    total: items.length,
    generator: { ...FACTMARK_AGENT },
    generated: bundle.exportedAt,
    first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: pageId,
  };
}

/** Render the W3C export as JSON-LD text ("<" written as \\u003c, so it is safe inside a <script> element). */
export function renderW3c(bundle: ExportBundle): string {
  return jsonForScript(buildW3c(bundle));
}

/**
 * The claims of a W3C export, by article id, rebuilt exactly. `texts` gives the plain text of every
 * article the annotations may target; an annotation for any other article is an error.
 */
export function claimsFromAnnotations(collection: W3cCollectionRecord, texts: ReadonlyMap<string, string>): Map<string, ClaimRecord[]> {
  const byArticle = new Map<string, ClaimRecord[]>([...texts.keys()].map((id) => [id, []]));
  const offsets = new Map<string, CodePointOffsets>();
  for (const a of collection.first.items) {
    const match = ANNOTATION_ID.exec(a.id);
    if (!match) throw new FactmarkError('invalid-input', `Annotation ${a.id.slice(0, 120)} was not made by Factmark (its id is not urn:factmark:article:…:claim:…)`);
    const [, articleId, claimId] = match;
    const text = texts.get(articleId);
    if (text === undefined) throw new FactmarkError('invalid-input', `Annotation ${a.id} belongs to article ${articleId}, which is not in the article file`);
    let map = offsets.get(articleId);
    if (!map) offsets.set(articleId, (map = new CodePointOffsets(text)));
    byArticle.get(articleId)!.push(claimFromAnnotation(a, articleId, claimId, text, map));
  }
  return byArticle;
}

function claimFromAnnotation(a: W3cAnnotationRecord, articleId: string, id: string, text: string, offsets: CodePointOffsets): ClaimRecord {
  const [quoteSel, positionSel] = a.target.selector;
  const quote = { exact: quoteSel.exact, prefix: quoteSel.prefix, suffix: quoteSel.suffix };
  // Positions are in code points; back in UTF-16 they must select the quote. If they split a
  // surrogate pair (only possible for ranges not made in the editor), the quote finds the range.
  let position = { start: offsets.toUnit(positionSel.start), end: offsets.toUnit(positionSel.end) };
  if (text.slice(position.start, position.end) !== quote.exact) {
    const found = anchorTarget(text, { quote, position });
    if (!found || found.method === 'fuzzy') throw new FactmarkError('invalid-input', `Annotation ${a.id}: its quote is not in the article’s text`);
    position = { start: found.start, end: found.end };
  }
  let status: ClaimRecord['status'] | undefined;
  let claimant = '';
  let note = '';
  let explanation = '';
  const evidence: EvidenceItem[] = [];
  for (const b of a.body) {
    if (b.type === 'SpecificResource') {
      evidence.push({
        id: b['fm:evidenceId'],
        url: b['fm:url'] ?? b.source.id,
        title: b.source.label ?? '',
        date: b['fm:date'] ?? '',
        citation: b['fm:citation'] ?? '',
        note: b['fm:note'] ?? '',
        stance: b['fm:stance'],
      });
    } else if (b.purpose === 'assessing') status = b['fm:status'];
    else if (b.purpose === 'tagging') claimant = b.value;
    else if (b.purpose === 'describing') explanation = b.value;
    else note = b.value;
  }
  return {
    id,
    articleId,
    target: { quote, position },
    claimant,
    status: status!,
    evidence,
    note,
    reviewer: a.creator.type === 'Person' ? a.creator.name : '',
    createdAt: a.created,
    updatedAt: a.modified,
    revision: a['fm:revision'],
    history: a['fm:statusHistory'].map((h) => ({ status: h['fm:status'], at: h['fm:at'], reviewer: h['fm:reviewer'] })),
    claimAsChecked: a['fm:claimAsChecked'] ?? quote.exact,
    explanation,
    verdictDate: a['fm:verdictDate'] ?? '',
    claimantKind: a['fm:claimantKind'] ?? guessClaimantKind(claimant),
  };
}
