/**
 * schema.org ClaimReview (JSON-LD) for every claim with a verdict (a status whose rating is not
 * null), with the fields Google's fact-check markup asks for: claimReviewed (the claim as checked),
 * reviewRating with alternateName, url (the article's published fact-check, else the claim's
 * Factmark URN: never an invented web address), author (the organisation), datePublished (the
 * verdict date), reviewBody (the public explanation, never the internal note) and itemReviewed: a
 * Claim with its author typed Person or Organization from the claimant kind, and the article as its
 * appearance (URL and date).
 */
import { claimAsCheckedOf } from '../../../src-shared/claim-publication';
import { FactmarkError } from '../../../src-shared/contract';
import type { ArticleRecord, ClaimRecord } from '../../../src-shared/model';
import { RATING_SCALE, STATUSES, statusInfo } from '../../../src-shared/statuses';
import { isHttpUrl, jsonForScript } from './escape';
import type { ExportBundle } from './types';
import { annotationId } from './w3c';

/** The date part (YYYY-MM-DD) of a timestamp or free-text date, or null when it has none. */
export function isoDate(value: string): string | null {
  const direct = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (direct) return direct[0];
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Statuses that carry a verdict, i.e. a ClaimReview rating. */
export const RATED_STATUSES = STATUSES.filter((s) => s.rating !== null).map((s) => s.id);

/** Where the review is published: the article's fact-check URL when the reviewer gave one, else the claim's annotation id (a Factmark URN). */
function reviewUrl(article: ArticleRecord, claim: ClaimRecord): string {
  return article.factCheckUrl && isHttpUrl(article.factCheckUrl) ? article.factCheckUrl : annotationId(claim);
}

/** The review's author: the organisation, else the claim's reviewer as a person, else Factmark's user. */
function reviewAuthor(bundle: ExportBundle, claim: ClaimRecord): Record<string, string> {
  const { organisation, organisationUrl } = bundle.prefs;
  if (organisation) return { '@type': 'Organization', name: organisation, ...(isHttpUrl(organisationUrl) ? { url: organisationUrl } : {}) };
  if (claim.reviewer) return { '@type': 'Person', name: claim.reviewer };
  return { '@type': 'Organization', name: 'Factmark user' };
}

/** When the verdict was given: the claim's verdict date, else its last status change to the current status, else its last update. */
function verdictDate(claim: ClaimRecord): string {
  if (claim.verdictDate) return claim.verdictDate;
  const change = [...claim.history].reverse().find((h) => h.status === claim.status);
  return isoDate(change?.at ?? claim.updatedAt) ?? claim.updatedAt.slice(0, 10);
}

function claimReview(bundle: ExportBundle, article: ArticleRecord, claim: ClaimRecord): Record<string, unknown> {
  const info = statusInfo(claim.status);
  const published = isoDate(article.publishedAt);
  const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant) itemReviewed.author = { '@type': claim.claimantKind === 'organisation' ? 'Organization' : 'Person', name: claim.claimant };
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
    url: reviewUrl(article, claim),
    claimReviewed: claimAsCheckedOf(claim),
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
    ...(claim.explanation.trim() ? { reviewBody: claim.explanation.trim() } : {}),
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
  return jsonForScript(reviews);
}
