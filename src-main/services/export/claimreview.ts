/**
 * schema.org ClaimReview (JSON-LD) for every claim with a verdict (a status whose rating is not
 * null): the fields Google's fact-check markup asks for (claimReviewed, reviewRating with
 * alternateName, url, author, datePublished, itemReviewed as a Claim with its author, appearance
 * and date). The review's author is the organisation from preferences.
 */
import { FactmarkError } from '../../../src-shared/contract';
import type { ArticleRecord, ClaimRecord } from '../../../src-shared/model';
import { RATING_SCALE, STATUSES, statusInfo } from '../../../src-shared/statuses';
import { oneLine } from './common';
import { isHttpUrl } from './escape';
import type { ExportBundle } from './types';
import { annotationId } from './w3c';

/** Words that mark a claimant as an organisation rather than a person. */
const ORGANISATION_WORDS =
  /\b(ministry|ministries|government|agency|agencies|department|office|council|committee|commission|parliament|senate|congress|assembly|party|union|association|institute|university|college|school|hospital|foundation|company|corporation|corp|inc|ltd|llc|plc|gmbh|group|bank|police|army|forces|military|embassy|kremlin|white house|pentagon|news|times|post|press|tv|radio|broadcasting|media|organisation|organization|authority|administration|court|board|federation|league|club|network|centre|center|bureau|service|services)\b/i;

/** Acronyms of organisations, matched case-sensitively ("WHO", not "who"). */
const ORGANISATION_ACRONYMS = /\b(UN|EU|NATO|WHO|IMF|OSCE|FBI|CIA|BBC|CNN|AP|AFP|TASS)\b/;

/** Person or Organization for a claimant's name: Organization when it has an organisation word, else Person. */
export function claimantType(name: string): 'Person' | 'Organization' {
  return ORGANISATION_WORDS.test(name) || ORGANISATION_ACRONYMS.test(name) ? 'Organization' : 'Person';
}

/** The date part (YYYY-MM-DD) of a timestamp or free-text date, or null when it has none. */
export function isoDate(value: string): string | null {
  const direct = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (direct) return direct[0];
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Statuses that carry a verdict, i.e. a ClaimReview rating. */
export const RATED_STATUSES = STATUSES.filter((s) => s.rating !== null).map((s) => s.id);

/** Where the review is published: the organisation's URL with a fragment for the claim, else the claim's annotation id (a Factmark URN). */
function reviewUrl(bundle: ExportBundle, claim: ClaimRecord): string {
  const base = bundle.prefs.organisationUrl;
  if (isHttpUrl(base)) {
    const url = new URL(base);
    url.hash = `factmark-claim-${claim.id}`;
    return url.href;
  }
  return annotationId(claim);
}

/** The review's author: the organisation, else the claim's reviewer as a person, else Factmark's user. */
function reviewAuthor(bundle: ExportBundle, claim: ClaimRecord): Record<string, string> {
  const { organisation, organisationUrl } = bundle.prefs;
  if (organisation) return { '@type': 'Organization', name: organisation, ...(isHttpUrl(organisationUrl) ? { url: organisationUrl } : {}) };
  if (claim.reviewer) return { '@type': 'Person', name: claim.reviewer };
  return { '@type': 'Organization', name: 'Factmark user' };
}

/** When the verdict was given: the last status change to the current status, else the last update. */
function verdictDate(claim: ClaimRecord): string {
  const change = [...claim.history].reverse().find((h) => h.status === claim.status);
  return isoDate(change?.at ?? claim.updatedAt) ?? claim.updatedAt.slice(0, 10);
}

function claimReview(bundle: ExportBundle, article: ArticleRecord, claim: ClaimRecord): Record<string, unknown> {
  const info = statusInfo(claim.status);
  const published = isoDate(article.publishedAt);
  const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant) itemReviewed.author = { '@type': claimantType(claim.claimant), name: claim.claimant };
  if (published) itemReviewed.datePublished = published;
  if (isHttpUrl(article.sourceUrl)) {
    itemReviewed.appearance = {
      '@type': 'CreativeWork',
      url: article.sourceUrl,
      headline: article.title,
      ...(published ? { datePublished: published } : {}),
      ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl(bundle, claim),
    claimReviewed: oneLine(claim.target.quote.exact),
    itemReviewed,
    author: reviewAuthor(bundle, claim),
    datePublished: verdictDate(claim),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: info.rating,
      bestRating: RATING_SCALE.best,
      worstRating: RATING_SCALE.worst,
      alternateName: info.label,
    },
    ...(claim.note ? { reviewBody: claim.note } : {}),
  };
}

/** The ClaimReview objects of the bundle's claims with a verdict, in document order. */
export function buildClaimReviews(bundle: ExportBundle): Record<string, unknown>[] {
  return bundle.articles.flatMap(({ article, claims }) =>
    claims.filter((c) => statusInfo(c.status).rating !== null).map((c) => claimReview(bundle, article, c)),
  );
}

/** Render a JSON array of ClaimReview objects; fails when no claim has a verdict yet. */
export function renderClaimReview(bundle: ExportBundle): string {
  const reviews = buildClaimReviews(bundle);
  if (reviews.length === 0) {
    const labels = RATED_STATUSES.map((s) => statusInfo(s).label).join(', ');
    throw new FactmarkError('invalid-input', `No claim has a verdict yet (${labels}), so there is no ClaimReview to export`);
  }
  // "<" as \u003c keeps the JSON safe to paste into a <script type="application/ld+json"> element.
  return `${JSON.stringify(reviews, null, 2).replace(/</g, '\\u003c')}\n`;
}
