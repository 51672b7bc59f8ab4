/** The default verification scale: each status with its label, colours and ClaimReview rating. */

export const STATUS_IDS = ['unverified', 'in-review', 'verified', 'disputed', 'false', 'misleading'] as const;

export type StatusId = (typeof STATUS_IDS)[number];

export interface StatusInfo {
  id: StatusId;
  label: string;
  /** Highlight fill (light theme); translucent so overlaps read darker. */
  colour: string;
  /** Text colour for a chip on `chipBackground`; passes WCAG AA in both themes. */
  chipText: string;
  chipBackground: string;
  /** A one-character glyph so colour is never the only sign of a status. */
  glyph: string;
  /** schema.org ClaimReview ratingValue on a 1 (worst) – 5 (best) scale; null = no verdict yet. */
  rating: number | null;
  /** The number key that sets this status while a claim is selected. */
  key: string;
}

export const STATUSES: readonly StatusInfo[] = [
  { id: 'unverified', label: 'Unverified', colour: 'rgba(140,140,140,0.30)', chipText: '#1f1f1f', chipBackground: '#e2e2e2', glyph: '○', rating: null, key: '1' },
  { id: 'in-review', label: 'In review', colour: 'rgba(60,120,230,0.28)', chipText: '#0b2e6b', chipBackground: '#d6e4ff', glyph: '◔', rating: null, key: '2' },
  { id: 'verified', label: 'Verified', colour: 'rgba(30,160,80,0.30)', chipText: '#0b4020', chipBackground: '#cdeed8', glyph: '✓', rating: 5, key: '3' },
  { id: 'disputed', label: 'Disputed', colour: 'rgba(240,170,20,0.35)', chipText: '#4a3000', chipBackground: '#ffe7b3', glyph: '?', rating: 3, key: '4' },
  { id: 'false', label: 'False', colour: 'rgba(220,40,40,0.30)', chipText: '#5c0a0a', chipBackground: '#ffd3d3', glyph: '✗', rating: 1, key: '5' },
  { id: 'misleading', label: 'Misleading', colour: 'rgba(160,60,200,0.30)', chipText: '#3d0b52', chipBackground: '#ecd6f7', glyph: '!', rating: 2, key: '6' },
];

const byId = new Map(STATUSES.map((s) => [s.id, s]));

/** The status record for an id; throws on an unknown id (ids are validated at the boundary). */
export function statusInfo(id: StatusId): StatusInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`Unknown status: ${id}`);
  return info;
}

/** Resolve a user-typed status ("in review", "In-Review", "false") to its id, or null. */
export function parseStatus(input: string): StatusId | null {
  const norm = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const found = STATUSES.find((s) => s.id === norm || s.label.toLowerCase().replace(/\s+/g, '-') === norm);
  return found ? found.id : null;
}

/** ClaimReview scale bounds for the ratings above. */
export const RATING_SCALE = { best: 5, worst: 1 } as const;
