/**
 * schemaVersion migrations: each step turns a file of version N into version N+1, and a file is
 * run through every step from its version up to SCHEMA_VERSION, in order.
 *
 * Version 1 is the first released format; version 2 adds the publication fields (issue 15); version 3
 * holds only http(s) URLs in URL fields (issue 17). Version 0 is the pre-release format (files without a
 * schemaVersion field, claims without `revision` and `history`); its step exists so the mechanism
 * is in place and tested from a fixture (test/unit/store/fixtures/v0) before a real version 2 needs it.
 */
import { guessClaimantKind, isVerdict } from '../../src-shared/claim-publication';
import { isHttpUrl } from '../../src-shared/model';
import { STATUS_IDS, type StatusId } from '../../src-shared/statuses';
import { SCHEMA_VERSION } from './files';

/** The three kinds of file in a data folder. */
export type FileKind = 'index' | 'article' | 'prefs';

type Json = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it writes from + 1. */
  from: number;
  description: string;
  /** How each kind of file changes; a kind without a function only gets its schemaVersion bumped. */
  migrate: Partial<Record<FileKind, (data: Json) => Json>>;
}

/** A claim as version 0 stored it: no revision counter, no status history. */
function claimFromV0(claim: Json): Json {
  const at = typeof claim.updatedAt === 'string' ? claim.updatedAt : claim.createdAt;
  const reviewer = typeof claim.reviewer === 'string' ? claim.reviewer : '';
  return {
    ...claim,
    reviewer,
    revision: typeof claim.revision === 'number' ? claim.revision : 1,
    history: Array.isArray(claim.history) ? claim.history : [{ status: claim.status, at, reviewer }],
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The day a version-1 claim's status last became its current verdict, from its history; '' without a verdict. */
function verdictDateFromV1(claim: Json): string {
  const status = claim.status as StatusId;
  if (!STATUS_IDS.includes(status) || !isVerdict(status)) return '';
  const history = Array.isArray(claim.history) ? (claim.history as Json[]) : [];
  const change = [...history].reverse().find((h) => h.status === status);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(text(change?.at) || text(claim.updatedAt));
  return day ? day[0] : '';
}

/** A version-1 claim with the publication fields of version 2, from what it already records. */
function claimFromV1(claim: Json): Json {
  const quote = typeof claim.target === 'object' && claim.target ? text(((claim.target as Json).quote as Json | undefined)?.exact) : '';
  return {
    ...claim,
    claimAsChecked: text(claim.claimAsChecked) || quote.replace(/\s+/g, ' ').trim(),
    explanation: text(claim.explanation),
    verdictDate: text(claim.verdictDate) || verdictDateFromV1(claim),
    claimantKind: claim.claimantKind === 'organisation' || claim.claimantKind === 'person' ? claim.claimantKind : guessClaimantKind(text(claim.claimant)),
    evidence: Array.isArray(claim.evidence) ? claim.evidence.map((e) => ({ date: '', citation: '', ...(e as Json) })) : claim.evidence,
  };
}

/** A version-1 article record with the per-article publication fields of version 2. */
function articleFromV1(article: Json): Json {
  return { ...article, factCheckUrl: isHttpUrl(text(article.factCheckUrl)) ? article.factCheckUrl : '', reportSummary: text(article.reportSummary) };
}

/** An http(s) URL kept; anything else (a javascript: URL, text) becomes empty: version 3 holds only web addresses. */
const webAddressOrEmpty = (value: unknown): string => (isHttpUrl(text(value)) ? text(value) : '');

/** A version-2 record (an article, an index row) whose source URL is a web address or empty. */
const withWebSourceUrl = (record: unknown): unknown =>
  typeof record === 'object' && record ? { ...(record as Json), sourceUrl: webAddressOrEmpty((record as Json).sourceUrl) } : record;

/** Every migration step, oldest first. Add a step here (and a fixture) when SCHEMA_VERSION goes up. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'pre-release format: add schemaVersion, and give each claim a revision and a status history',
    migrate: {
      article: (data) => ({ ...data, claims: Array.isArray(data.claims) ? data.claims.map((c) => claimFromV0(c as Json)) : data.claims }),
    },
  },
  {
    from: 1,
    description:
      'publication fields: each claim gets its claim as checked (the quote), a public explanation, its verdict date (from its status history) and its claimant kind (guessed from the name); evidence gets a date and a citation; each article a fact-check URL and a report summary',
    migrate: {
      article: (data) => ({
        ...data,
        article: typeof data.article === 'object' && data.article ? articleFromV1(data.article as Json) : data.article,
        claims: Array.isArray(data.claims) ? data.claims.map((c) => claimFromV1(c as Json)) : data.claims,
      }),
    },
  },
  {
    from: 2,
    description: 'web addresses only: an article source URL or an organisation URL that is not http(s) (a javascript: URL, free text) is emptied',
    migrate: {
      article: (data) => ({ ...data, article: withWebSourceUrl(data.article) }),
      index: (data) => ({ ...data, articles: Array.isArray(data.articles) ? data.articles.map(withWebSourceUrl) : data.articles }),
      prefs: (data) =>
        typeof data.prefs === 'object' && data.prefs ? { ...data, prefs: { ...(data.prefs as Json), organisationUrl: webAddressOrEmpty((data.prefs as Json).organisationUrl) } } : data,
    },
  },
];

/** The schemaVersion a parsed file declares: 0 when it has none (pre-release), null when it is not a number. */
export function fileVersion(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const version = (raw as Json).schemaVersion;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Bring a parsed file of an older version up to SCHEMA_VERSION. Returns the input unchanged when it
 * is already current; throws when no step reads its version (the caller treats it as damaged).
 */
export function migrateToCurrent(kind: FileKind, raw: Json, from: number): Json {
  let data = raw;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from schema version ${version}`);
    const change = step.migrate[kind];
    data = { ...(change ? change(data) : data), schemaVersion: version + 1 };
  }
  return data;
}
