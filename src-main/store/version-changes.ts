/** What changed between two versions of an article: claims added, removed and edited (with status changes), and article details. */
import type { z } from 'zod';
import { MAX_LISTED_CHANGES, type ClaimBrief, type ClaimEdit, type VersionChanges } from '../../src-shared/contract-backups';
import type { ClaimRecord } from '../../src-shared/model';
import type { ArticleData } from './files';

type Brief = z.infer<typeof ClaimBrief>;
type Edit = z.infer<typeof ClaimEdit>;
export type Changes = z.infer<typeof VersionChanges>;

/** The article details a version change reports. */
const DETAILS = ['title', 'byline', 'publisher', 'sourceUrl', 'publishedAt', 'language'] as const;

/** A claim's parts that a change can touch, each as comparable text. */
const PARTS: Record<Edit['fields'][number], (c: ClaimRecord) => string> = {
  status: (c) => c.status,
  claimant: (c) => c.claimant,
  evidence: (c) => JSON.stringify(c.evidence),
  note: (c) => c.note,
  range: (c) => `${c.target.position.start}-${c.target.position.end}`,
};

/** What a version holds, reduced to what a comparison needs (kept in memory per backup). */
export interface VersionDigest {
  details: Record<(typeof DETAILS)[number], string>;
  claims: Map<string, { brief: Brief; parts: Record<Edit['fields'][number], string> }>;
}

export function digestOf(data: ArticleData): VersionDigest {
  const claims: VersionDigest['claims'] = new Map();
  for (const claim of data.claims) {
    const parts = Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, part(claim)])) as Record<Edit['fields'][number], string>;
    claims.set(claim.id, { brief: briefOf(claim), parts });
  }
  const details = Object.fromEntries(DETAILS.map((name) => [name, String(data.article[name] ?? '')])) as VersionDigest['details'];
  return { details, claims };
}

function briefOf(claim: ClaimRecord): Brief {
  const quote = claim.target.quote.exact;
  return { id: claim.id, quote: quote.length > 120 ? `${quote.slice(0, 119)}…` : quote, status: claim.status, claimant: claim.claimant };
}

/** How `after` differs from `before`. */
export function versionChanges(before: VersionDigest, after: VersionDigest): Changes {
  const added: Brief[] = [];
  const removed: Brief[] = [];
  const edited: Edit[] = [];
  for (const [id, now] of after.claims) {
    const then = before.claims.get(id);
    if (!then) {
      added.push(now.brief);
      continue;
    }
    const fields = (Object.keys(PARTS) as Edit['fields']).filter((name) => then.parts[name] !== now.parts[name]);
    if (fields.length === 0) continue;
    edited.push({ claim: now.brief, fields, ...(fields.includes('status') ? { statusFrom: then.brief.status } : {}) });
  }
  for (const [id, then] of before.claims) if (!after.claims.has(id)) removed.push(then.brief);
  return {
    added: added.slice(0, MAX_LISTED_CHANGES),
    removed: removed.slice(0, MAX_LISTED_CHANGES),
    edited: edited.slice(0, MAX_LISTED_CHANGES),
    details: DETAILS.filter((name) => before.details[name] !== after.details[name]),
    counts: { added: added.length, removed: removed.length, edited: edited.length },
  };
}
