/** Factmark's domain model: articles, claims, evidence and selectors, as runtime schemas and types. */
import { z } from 'zod';
import { STATUS_IDS, type StatusId } from './statuses';
import { isHttpUrl } from './url-safety';

export type { StatusId } from './statuses';

/** An id: letters, digits, '-' and '_' only, so it is always safe as a file name. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id (letters, digits, - and _)');

/** ISO 8601 timestamp. */
export const Timestamp = z.string().datetime({ offset: true });

export const Status = z.enum(STATUS_IDS);

/** W3C TextQuoteSelector: the exact text plus context either side. */
export const TextQuoteSelector = z.object({
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
});

/** W3C TextPositionSelector over the article's plain-text projection (see text.ts). */
export const TextPositionSelector = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((p) => p.end > p.start, 'end must be after start');

export const Target = z.object({ quote: TextQuoteSelector, position: TextPositionSelector });

/** True for an absolute http(s) URL (the rule lives in url-safety.ts). */
export { isHttpUrl };

export const HttpUrl = z.string().max(4_000).refine(isHttpUrl, 'must be an http(s) URL');

/**
 * A typed link as the http(s) URL it means: trimmed, and a bare domain with an optional path
 * ("www.ons.gov.uk/crime") taken as https. Anything else (another scheme, text) comes back trimmed
 * but unchanged, for the http(s) check to refuse.
 */
export function normaliseWebUrl(input: string): string {
  const url = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[^/:]+\.[^/:]+:\d+(\/|$)/.test(url)) return url;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(:\d+)?([/?#]\S*)?$/u.test(url) ? `https://${url}` : url;
}

/** An optional http(s) URL: empty, or an http(s) URL (a bare domain is read as https). */
export const OptionalHttpUrl = z
  .string()
  .max(4_000)
  .transform(normaliseWebUrl)
  .refine((url) => url === '' || isHttpUrl(url), 'must be an http(s) URL (or left empty)');

/** A calendar date, YYYY-MM-DD, or empty when there is none. */
export const OptionalDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date as YYYY-MM-DD (or empty)');

export const Stance = z.enum(['supports', 'refutes', 'context']);

/**
 * A source for a verdict: a web page (url), or a source without one — an interview, an email, a
 * freedom-of-information reply, a printed document — named by its title, date and citation.
 */
export const Evidence = z
  .object({
    id: Id,
    /** Optional; when given, an http(s) URL (a bare domain is read as https). */
    url: OptionalHttpUrl,
    title: z.string().max(1_000),
    /** When the source was published or obtained (free text, e.g. "2026-03-02" or "March 2026"). */
    date: z.string().max(100).default(''),
    /** How to find a source without a link: "Email from the ministry press office to the author". */
    citation: z.string().max(2_000).default(''),
    note: z.string().max(20_000),
    stance: Stance,
  })
  .refine((e) => e.url !== '' || e.title.trim() !== '' || e.citation.trim() !== '', 'evidence needs a URL, a title or a citation');

/** Who made a claim: a person or an organisation (ClaimReview's Person or Organization). */
export const ClaimantKind = z.enum(['person', 'organisation']);


export const StatusChange = z.object({
  status: Status,
  at: Timestamp,
  reviewer: z.string().max(200),
  /** What else happened then, e.g. "carried from version 2". */
  note: z.string().max(500).optional(),
});

/** How a claim was re-anchored when it was carried to a newer version of its article. */
export const CarriedState = z.enum(['exact', 'moved', 'changed', 'orphaned']);

/** Where a carried claim came from and how it was found (see src-shared/anchoring/reanchor.ts). */
export const Carried = z.object({
  fromArticleId: Id,
  fromClaimId: Id,
  /** exact: same text in place; moved: same text elsewhere; changed: edited text; orphaned: gone (old selectors kept). */
  state: CarriedState,
  /** The claim's quote in the previous version. */
  previousQuote: z.string().max(100_000),
  /** A changed claim that was Verified or False: its verdict must be looked at again. */
  needsReview: z.boolean().optional(),
  /** Set when a reviewer has accepted or re-attached the claim in the Changes view. */
  resolvedAt: Timestamp.optional(),
});

/**
 * One other version of a claim changed on two machines (a team library): the claim itself is
 * CouchDB's deterministic winner; this is a losing edit, or a deletion that raced an edit.
 */
export const ConflictVersion = z.object({
  rev: z.string().min(1).max(200),
  deleted: z.boolean(),
  status: Status.optional(),
  claimant: z.string().max(500).optional(),
  claimantKind: ClaimantKind.optional(),
  evidence: z.array(Evidence).max(500).optional(),
  note: z.string().max(50_000).optional(),
  claimAsChecked: z.string().max(100_000).optional(),
  explanation: z.string().max(50_000).optional(),
  verdictDate: OptionalDate.optional(),
  reviewer: z.string().max(200),
  updatedAt: Timestamp,
});

export const Claim = z.object({
  id: Id,
  articleId: Id,
  target: Target,
  claimant: z.string().max(500),
  status: Status,
  evidence: z.array(Evidence).max(500),
  note: z.string().max(50_000),
  reviewer: z.string().max(200),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped on every change; an update must name the revision it was based on. */
  revision: z.number().int().min(1),
  history: z.array(StatusChange),
  /** The claim restated in one sentence as it was checked; starts as the quote. Published. */
  claimAsChecked: z.string().max(100_000).default(''),
  /** The verdict's reasoning for readers. Published (the note stays internal). */
  explanation: z.string().max(50_000).default(''),
  /** The day the status last changed to a verdict (YYYY-MM-DD); editable; empty without a verdict. */
  verdictDate: OptionalDate.default(''),
  /** Whether the claimant is a person or an organisation; guessed from the name, editable. */
  claimantKind: ClaimantKind.default('person'),
  /** Present on a claim carried over from the previous version of its article. */
  carried: Carried.optional(),
  /** Present while a team library holds other versions of this claim (see contract-sync.ts). */
  conflictVersions: z.array(ConflictVersion).max(100).optional(),
});

/** ProseMirror document JSON; its shape is checked against the schema by Node.fromJSON. */
export const DocJSON = z.object({ type: z.literal('doc'), content: z.array(z.any()).optional() }).passthrough();

export const ArticleMeta = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(500),
  byline: z.string().max(500),
  publisher: z.string().max(500),
  /** The article's web address (http or https), or empty (a pasted or file import without one). */
  sourceUrl: OptionalHttpUrl,
  publishedAt: z.string().max(100),
  language: z.string().max(35),
  /** Where the fact-check of this article is published (its URL), for ClaimReview and the report. */
  factCheckUrl: OptionalHttpUrl.optional(),
  /** The report's overall summary as the reviewer wrote it; empty means the generated one. */
  reportSummary: z.string().max(5_000).optional(),
});

/** Where a page of a paginated source (a PDF) begins in the article's text: its label ("12", "iv") and text offset. */
export const PageStart = z.object({ label: z.string().min(1).max(40), start: z.number().int().min(0) });

export const Article = ArticleMeta.extend({
  id: Id,
  importedAt: Timestamp,
  updatedAt: Timestamp,
  doc: DocJSON,
  /** SHA-256 (hex) of the plain-text projection; identifies the same text on re-import. */
  textHash: z.string(),
  /** The article this one is a newer version of (same source URL, changed text). */
  previousVersionId: Id.optional(),
  /** Page starts in text order, for articles imported from a PDF (so a claim's page can be shown: "p. 12"). */
  pages: z.array(PageStart).max(100_000).optional(),
});

/** One row of the library list. */
export const ArticleSummary = ArticleMeta.pick({ title: true, byline: true, publisher: true, sourceUrl: true, publishedAt: true }).extend({
  id: Id,
  importedAt: Timestamp,
  updatedAt: Timestamp,
  textHash: z.string(),
  claimCount: z.number().int().min(0),
  previousVersionId: Id.optional(),
});

export type TextQuote = z.infer<typeof TextQuoteSelector>;
export type TextPosition = z.infer<typeof TextPositionSelector>;
export type ClaimTarget = z.infer<typeof Target>;
export type EvidenceItem = z.infer<typeof Evidence>;
export type StanceId = z.infer<typeof Stance>;
export type ClaimantKindId = z.infer<typeof ClaimantKind>;
export type StatusChangeEntry = z.infer<typeof StatusChange>;
export type ClaimRecord = z.infer<typeof Claim>;
export type CarriedInfo = z.infer<typeof Carried>;
export type CarriedStateId = z.infer<typeof CarriedState>;
export type ArticleMetaFields = z.infer<typeof ArticleMeta>;
export type ArticleRecord = z.infer<typeof Article>;
export type ArticleSummaryRow = z.infer<typeof ArticleSummary>;
export type PageStartEntry = z.infer<typeof PageStart>;

/** The label of the page a text offset lies on ("12"), or undefined for an article without pages. */
export function pageAtOffset(pages: readonly PageStartEntry[] | undefined, offset: number): string | undefined {
  if (!pages?.length) return undefined;
  let found = pages[0].label;
  for (const p of pages) {
    if (p.start > offset) break;
    found = p.label;
  }
  return found;
}

/** Claims sorted in document order (by start, then longer first so outer claims precede inner ones). */
export function inDocumentOrder<T extends { target: ClaimTarget }>(claims: readonly T[]): T[] {
  return [...claims].sort(compareInDocument);
}

/** The comparator of document order (negative: `a` comes first). */
export function compareInDocument(a: { target: ClaimTarget }, b: { target: ClaimTarget }): number {
  return a.target.position.start - b.target.position.start || b.target.position.end - a.target.position.end;
}

/** The name a claim counts for among claimants: trimmed, null when empty. */
export function claimantKey(claim: { claimant: string }): string | null {
  return claim.claimant.trim() || null;
}

/** Distinct non-empty claimants, most used first, then alphabetically. */
export function claimantsOf(claims: readonly { claimant: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const c of claims) {
    const name = claimantKey(c);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return rankClaimants(counts);
}

/** Claimant names by how many claims each has (most first, then alphabetically). */
export function rankClaimants(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** Count claims per status, with every status present. */
export function countByStatus(claims: readonly { status: StatusId }[]): Record<StatusId, number> {
  const counts = Object.fromEntries(STATUS_IDS.map((s) => [s, 0])) as Record<StatusId, number>;
  for (const c of claims) counts[c.status] += 1;
  return counts;
}
