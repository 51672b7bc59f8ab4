/**
 * An empty library joining a team whose database holds more documents than one pull batch: every
 * article arrives whole, each saved once (its claims are not split over several saves), and the
 * library it joins keeps its own article beside the team's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DOC, until, type SyncLibrary } from '../../support/sync-library';
import { teamOfTwo } from '../../support/sync-team';

const team = teamOfTwo(['ja', 'jb']);
let a: SyncLibrary;
let b: SyncLibrary;
beforeAll(() => void ({ a, b } = team));

const ARTICLES = 6;
const CLAIMS = 60;
const sentence = (a: number, i: number) => `Article ${a}, sentence ${i}: exports rose ${i + 2} percent.`;

describe('joining a team with a large library', () => {
  it('adds every article with all its claims, each article saved once', async () => {
    for (let n = 0; n < ARTICLES; n++) {
      const article = await a.call('library.create', { meta: { title: `Article ${n}` }, doc: DOC(Array.from({ length: CLAIMS }, (_, i) => sentence(n, i))) });
      for (let i = 0; i < CLAIMS; i++) await a.call('claims.create', { articleId: article.id, range: { quote: sentence(n, i) } });
    }
    await team.connect(a);
    await until(async () => {
      const s = await a.call('sync.status', {});
      return s.state === 'synced' && s.pending === 0;
    }, 60_000, 'A synced');

    const own = await b.call('library.create', { meta: { title: 'Only on B' }, doc: DOC(['Imports fell by a third, the agency said.']) });
    const saves = new Map<string, number>();
    b.factmark.ctx.store.onArticleSaved(({ articleId }) => saves.set(articleId, (saves.get(articleId) ?? 0) + 1));
    await team.connect(b);
    const rows = await until(async () => {
      const list = await b.call('library.list', {});
      return list.length === ARTICLES + 1 && list.every((row) => row.id === own.id || row.claimCount === CLAIMS) ? list : null;
    }, 60_000, 'B complete');
    expect(rows.map((row) => row.title).sort()).toEqual(['Only on B', ...Array.from({ length: ARTICLES }, (_, n) => `Article ${n}`)].sort());
    const teamArticles = rows.filter((row) => row.id !== own.id).map((row) => row.id);
    expect(teamArticles.map((id) => saves.get(id))).toEqual(teamArticles.map(() => 1));
    for (const id of teamArticles) {
      const claims = await b.call('claims.list', { articleId: id });
      expect(new Set(claims.map((c) => c.target.quote.exact)).size).toBe(CLAIMS);
    }
    // B's own article went to the team.
    await until(async () => (await a.call('library.list', {})).some((row) => row.id === own.id), 30_000, 'B’s article in A');
  });
});
