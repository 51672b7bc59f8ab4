/**
 * The rules for a claim's publication fields (claim as checked, verdict date, claimant kind): their
 * values on a new claim and how a change of status or claimant moves them. The claims service and
 * the renderer's desk both call these, so the two sides never disagree.
 */
import type { ClaimantKindId, ClaimRecord } from './model';
import { statusInfo, type StatusId } from './statuses';

/** Words that mark a claimant as an organisation rather than a person. */
const ORGANISATION_WORDS =
  /\b(ministry|ministries|government|agency|agencies|department|office|council|committee|commission|parliament|senate|congress|assembly|party|union|association|institute|university|college|school|hospital|foundation|company|corporation|corp|inc|ltd|llc|plc|gmbh|group|bank|police|army|forces|military|embassy|kremlin|white house|pentagon|news|times|post|press|tv|radio|broadcasting|media|organisation|organization|authority|administration|court|board|federation|league|club|network|centre|center|bureau|service|services|statistics|office for|trust|charity|campaign|coalition|alliance|society)\b/i;

/** Acronyms of organisations, matched case-sensitively ("WHO", not "who"). */
const ORGANISATION_ACRONYMS = /\b(UN|EU|NATO|WHO|IMF|OSCE|FBI|CIA|BBC|CNN|AP|AFP|TASS|ONS|NHS|OECD|UNICEF|UNHCR)\b/;

/** The claimant kind a name suggests: an organisation when it has an organisation word or acronym, else a person. */
export function guessClaimantKind(name: string): ClaimantKindId {
  return ORGANISATION_WORDS.test(name) || ORGANISATION_ACRONYMS.test(name) ? 'organisation' : 'person';
}

/** True when a status is a verdict (it has a ClaimReview rating): Verified, Disputed, Misleading, False. */
export function isVerdict(status: StatusId): boolean {
  return statusInfo(status).rating !== null;
}

/** True when a claim is marked Verified or False with no evidence: it would be published without a source. */
export function lacksSource(claim: Pick<ClaimRecord, 'status' | 'evidence'>): boolean {
  return (claim.status === 'verified' || claim.status === 'false') && claim.evidence.length === 0;
}

/** The claim as checked by default: the quote on one line. */
export function defaultClaimAsChecked(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

/** The claim as checked that is published, on one line: the reviewer's sentence, else the quote. */
export function claimAsCheckedOf(claim: Pick<ClaimRecord, 'claimAsChecked' | 'target'>): string {
  return defaultClaimAsChecked(claim.claimAsChecked) || defaultClaimAsChecked(claim.target.quote.exact);
}

/** The publication fields of a new claim made at `now` (an ISO timestamp). */
export function newPublicationFields(
  quote: string,
  claimant: string,
  status: StatusId,
  now: string,
): Pick<ClaimRecord, 'claimAsChecked' | 'explanation' | 'verdictDate' | 'claimantKind'> {
  return {
    claimAsChecked: defaultClaimAsChecked(quote),
    explanation: '',
    verdictDate: isVerdict(status) ? now.slice(0, 10) : '',
    claimantKind: guessClaimantKind(claimant),
  };
}

type PublicationPatch = Partial<Pick<ClaimRecord, 'status' | 'claimant' | 'verdictDate' | 'claimantKind'>>;

/**
 * The fields a patch moves besides its own: a new status sets the verdict date to today (a verdict)
 * or clears it (no verdict); a new claimant re-guesses the kind. A field the patch sets itself wins.
 */
export function derivedPublicationFields(current: ClaimRecord, patch: PublicationPatch, now: string): Partial<ClaimRecord> {
  const derived: Partial<ClaimRecord> = {};
  if (patch.status !== undefined && patch.status !== current.status && patch.verdictDate === undefined) {
    derived.verdictDate = isVerdict(patch.status) ? now.slice(0, 10) : '';
  }
  if (patch.claimant !== undefined && patch.claimant !== current.claimant && patch.claimantKind === undefined) {
    derived.claimantKind = guessClaimantKind(patch.claimant);
  }
  return derived;
}
