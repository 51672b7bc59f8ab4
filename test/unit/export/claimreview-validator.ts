/**
 * A validator for ClaimReview JSON-LD, written from the documentation: Google Search Central's
 * "Fact check (ClaimReview) structured data" (ClaimReview: required claimReviewed, reviewRating, url;
 * recommended author, datePublished, itemReviewed. Claim: recommended author, datePublished,
 * appearance / firstAppearance. Rating: required alternateName; recommended bestRating, worstRating,
 * ratingValue between them, name) and schema.org's type definitions (which properties each of
 * ClaimReview, Claim, CreativeWork, Rating, Person and Organization may carry, and their value types).
 * Errors make the markup invalid; warnings are missing recommended fields or an unpublished URL.
 */

type Json = Record<string, unknown>;

export interface ClaimReviewCheck {
  errors: string[];
  warnings: string[];
}

/** schema.org properties (of the type or its parents) each type may use, as far as ClaimReview markup uses them. */
const ALLOWED: Record<string, readonly string[]> = {
  ClaimReview: ['@context', '@type', 'url', 'claimReviewed', 'itemReviewed', 'author', 'datePublished', 'reviewRating', 'reviewBody', 'name', 'headline', 'inLanguage', 'publisher'],
  Claim: ['@type', 'author', 'datePublished', 'appearance', 'firstAppearance', 'name', 'url'],
  CreativeWork: ['@type', 'url', 'headline', 'name', 'datePublished', 'publisher', 'author'],
  Rating: ['@type', 'ratingValue', 'bestRating', 'worstRating', 'alternateName', 'name', 'ratingExplanation'],
  Person: ['@type', 'name', 'url', 'sameAs'],
  Organization: ['@type', 'name', 'url', 'sameAs', 'logo'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isUrl(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

class Checker {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  /** The node's @type is one of `types`, and it uses only properties schema.org defines for it. */
  typed(node: unknown, path: string, types: readonly string[]): node is Json {
    if (!isObject(node)) {
      this.errors.push(`${path} must be an object`);
      return false;
    }
    const type = node['@type'];
    if (typeof type !== 'string' || !types.includes(type)) {
      this.errors.push(`${path}.@type must be ${types.join(' or ')}, not ${JSON.stringify(type)}`);
      return false;
    }
    for (const key of Object.keys(node)) if (!ALLOWED[type].includes(key)) this.errors.push(`${path}.${key} is not a ${type} property`);
    return true;
  }

  agent(node: unknown, path: string, required: boolean): void {
    if (node === undefined) {
      (required ? this.errors : this.warnings).push(`${path} is recommended (a Person or Organization with a name)`);
      return;
    }
    if (!this.typed(node, path, ['Person', 'Organization'])) return;
    if (!isText(node.name)) this.errors.push(`${path}.name must be text`);
    if (node.url !== undefined && !isWebUrl(node.url)) this.errors.push(`${path}.url must be an http(s) URL`);
  }

  date(value: unknown, path: string): void {
    if (value === undefined) this.warnings.push(`${path} is recommended`);
    else if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) this.errors.push(`${path} must be an ISO 8601 date`);
  }

  rating(node: unknown): void {
    if (node === undefined) {
      this.errors.push('reviewRating is required');
      return;
    }
    if (!this.typed(node, 'reviewRating', ['Rating'])) return;
    if (!isText(node.alternateName)) this.errors.push('reviewRating.alternateName is required (the truthfulness rating as a short phrase)');
    const { ratingValue, bestRating, worstRating } = node;
    for (const [key, value] of Object.entries({ ratingValue, bestRating, worstRating })) {
      if (value === undefined) this.warnings.push(`reviewRating.${key} is recommended`);
      else if (typeof value !== 'number' || !Number.isFinite(value)) this.errors.push(`reviewRating.${key} must be a number`);
    }
    if (typeof ratingValue === 'number' && typeof bestRating === 'number' && typeof worstRating === 'number') {
      if (!(worstRating < bestRating)) this.errors.push('reviewRating.worstRating must be below bestRating');
      if (ratingValue < worstRating || ratingValue > bestRating) this.errors.push('reviewRating.ratingValue must lie between worstRating and bestRating');
    }
  }

  appearance(node: unknown, path: string): void {
    if (typeof node === 'string') {
      if (!isWebUrl(node)) this.errors.push(`${path} must be an http(s) URL`);
      return;
    }
    if (!this.typed(node, path, ['CreativeWork'])) return;
    if (!isWebUrl(node.url)) this.errors.push(`${path}.url must be an http(s) URL`);
    if (node.datePublished !== undefined) this.date(node.datePublished, `${path}.datePublished`);
  }

  claim(node: unknown): void {
    if (node === undefined) {
      this.warnings.push('itemReviewed is recommended (a Claim)');
      return;
    }
    if (!this.typed(node, 'itemReviewed', ['Claim'])) return;
    this.agent(node.author, 'itemReviewed.author', false);
    this.date(node.datePublished, 'itemReviewed.datePublished');
    if (node.appearance === undefined && node.firstAppearance === undefined) this.warnings.push('itemReviewed.appearance or firstAppearance is recommended');
    for (const key of ['appearance', 'firstAppearance'] as const) {
      const value = node[key];
      if (value === undefined) continue;
      for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) this.appearance(item, Array.isArray(value) ? `itemReviewed.${key}[${i}]` : `itemReviewed.${key}`);
    }
  }
}

/** Check one ClaimReview object. */
export function checkClaimReview(review: unknown): ClaimReviewCheck {
  const c = new Checker();
  if (!isObject(review)) return { errors: ['a ClaimReview must be an object'], warnings: [] };
  if (review['@context'] !== 'https://schema.org' && review['@context'] !== 'http://schema.org') c.errors.push('@context must be https://schema.org');
  if (c.typed(review, 'ClaimReview', ['ClaimReview'])) {
    if (!isText(review.claimReviewed)) c.errors.push('claimReviewed is required (a short summary of the claim)');
    if (review.url === undefined) c.errors.push('url is required');
    else if (!isUrl(review.url)) c.errors.push('url must be a URL');
    else if (!isWebUrl(review.url)) c.warnings.push('url is not a web page: give the published fact-check URL before publishing the markup');
    c.rating(review.reviewRating);
    c.agent(review.author, 'author', false);
    c.date(review.datePublished, 'datePublished');
    c.claim(review.itemReviewed);
    if (review.reviewBody !== undefined && !isText(review.reviewBody)) c.errors.push('reviewBody must be text');
  }
  return { errors: c.errors, warnings: c.warnings };
}
