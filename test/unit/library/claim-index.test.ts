/**
 * The claim index's filtered search over its typed columns agrees with a brute-force scan of the
 * same claims, after in-place updates (status, claimant, dates), re-indexed text, removed
 * articles and a compaction that renumbers every doc.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimIndex, SHARD_COUNT } from '../../../src-main/search/claim-index';
import { loadShard, saveShard } from '../../../src-main/search/index-files';
import { compileFilter, filterAll, type ClaimFilter } from '../../../src-main/search/matches';
import { nameKey, termsOf } from '../../../src-main/search/normalise';
import type { ClaimRecord } from '../../../src-shared/model';
import { STATUS_IDS, type StatusId } from '../../../src-shared/statuses';
import { seeded } from '../../../src-shared/seeded';
import { makeClaim } from '../../support/claims';

const WORDS = 'harbour bridge wheat tariff pension rocket clinic ferry quarry meadow'.split(' ');
const CLAIMANTS = ['Dmytro Kuleba', 'Kuleba', 'Sergei Lavrov', 'Olena Zelenska', ''];

function randomClaim(rand: () => number, articleId: string, n: number, day: number): ClaimRecord {
  const words = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  const quote = `${words.join(' ')} ${Math.floor(rand() * 50)}`;
  const at = new Date(Date.UTC(2026, 0, 1 + day, 0, n)).toISOString();
  return makeClaim({
    id: `${articleId}-c${n}`,
    articleId,
    target: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } },
    claimant: CLAIMANTS[Math.floor(rand() * CLAIMANTS.length)],
    status: STATUS_IDS[Math.floor(rand() * STATUS_IDS.length)],
    note: rand() < 0.2 ? `note ${WORDS[Math.floor(rand() * WORDS.length)]}` : '',
    createdAt: at,
    updatedAt: at,
  });
}

/** The claims a search should find, by scanning every claim. */
function bruteForce(articles: Map<string, ClaimRecord[]>, words: string[], spec: ClaimFilter): string[] {
  const out: string[] = [];
  for (const claims of articles.values()) {
    for (const c of claims) {
      const terms = new Set(termsOf(`${c.target.quote.exact}\n${c.note}`));
      if (!words.every((w) => terms.has(w))) continue;
      if (spec.statuses && !spec.statuses.includes(c.status as StatusId)) continue;
      const created = Date.parse(c.createdAt);
      if (created < (spec.from ?? -Infinity) || created > (spec.to ?? Infinity)) continue;
      if (spec.articleId !== undefined && c.articleId !== spec.articleId) continue;
      if (spec.claimant && !spec.claimant(nameKey(c.claimant))) continue;
      out.push(c.id);
    }
  }
  return out.sort();
}

function found(index: ClaimIndex, text: string, spec: ClaimFilter): string[] {
  const filter = compileFilter(index, spec);
  const matches = text ? index.search(text, filter) : filterAll(index, filter, spec.articleId);
  return Array.from({ length: matches.count }, (_, i) => matches.row(index, i).claimId).sort();
}

describe('the claim index', () => {
  it('filters by status, claimant, dates and article exactly as a scan of every claim does, through updates and a compaction', () => {
    const rand = seeded(5);
    const index = new ClaimIndex();
    const articles = new Map<string, ClaimRecord[]>();
    const put = (id: string, claims: ClaimRecord[]) => {
      articles.set(id, claims);
      index.setArticle(id, claims, undefined, 's');
    };
    for (let a = 0; a < 40; a++) put(`art${a}`, Array.from({ length: 30 }, (_, n) => randomClaim(rand, `art${a}`, n, a % 20)));

    const kuleba = (key: string) => ` ${key} `.includes(' kuleba ');
    const specs: [string, ClaimFilter][] = [
      ['harbour', {}],
      ['wheat', { statuses: ['disputed', 'false'] }],
      ['bridge ferry', { claimant: kuleba }],
      ['', { statuses: ['verified'], from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 12) }],
      ['clinic', { articleId: 'art7' }],
      ['', { claimant: kuleba, statuses: ['unverified', 'in-review'] }],
    ];
    const check = () => {
      for (const [text, spec] of specs) {
        const expected = bruteForce(articles, termsOf(text), spec);
        expect(found(index, text, spec), `${text} ${JSON.stringify(spec)}`).toEqual(expected);
      }
    };
    check();
    expect(found(index, 'wheat', { statuses: ['disputed', 'false'] }).length).toBeGreaterThan(10);

    // Status, claimant and dates change in place (same text); other claims get new text; articles go.
    for (let a = 0; a < 40; a += 3) {
      const claims = articles.get(`art${a}`)!.map((c, n) => {
        const moved = { ...c, status: STATUS_IDS[(STATUS_IDS.indexOf(c.status as StatusId) + 1) % STATUS_IDS.length], claimant: CLAIMANTS[n % CLAIMANTS.length], createdAt: new Date(Date.UTC(2026, 0, 1 + ((a + n) % 20))).toISOString() };
        return n % 4 === 0 ? { ...moved, note: 'meadow rocket' } : moved;
      });
      put(`art${a}`, claims);
    }
    for (let a = 1; a < 40; a += 4) {
      articles.delete(`art${a}`);
      index.removeArticle(`art${a}`);
    }
    check();
    for (const shard of index.shards) shard.compact();
    check();
    expect(index.size).toBe([...articles.values()].reduce((n, c) => n + c.length, 0));
  });

  it('reads back from its shard files exactly what it wrote: rows, pages, columns and postings', async () => {
    const rand = seeded(8);
    const index = new ClaimIndex();
    const pages = [{ label: 'i', start: 0 }, { label: '12', start: 40 }];
    for (let a = 0; a < 30; a++) index.setArticle(`art${a}`, Array.from({ length: 20 }, (_, n) => randomClaim(rand, `art${a}`, n, a)), a % 3 ? undefined : pages, `stamp${a}`);
    const dir = await mkdtemp(join(tmpdir(), 'factmark-shards-'));
    try {
      for (let n = 0; n < SHARD_COUNT; n++) if (index.shards[n].live) await saveShard(dir, n, index);
      const loaded = new ClaimIndex();
      for (let n = 0; n < SHARD_COUNT; n++) await loadShard(dir, n, loaded);
      const rows = (i: ClaimIndex) => [...i.allRows()].map(({ key: _key, ...row }) => row).sort((x, y) => (x.claimId < y.claimId ? -1 : 1));
      expect(rows(loaded)).toEqual(rows(index));
      expect(rows(loaded).filter((r) => r.page === 'i')).toHaveLength(200);
      expect(loaded.stampOf('art4')).toBe('stamp4');
      const kuleba = (key: string) => key.endsWith('kuleba');
      for (const [text, spec] of [['harbour bri', {}], ['wheat', { statuses: ['false', 'verified'] as StatusId[], claimant: kuleba }], ['', { from: Date.UTC(2026, 0, 10) }]] as const) {
        expect(found(loaded, text, spec)).toEqual(found(index, text, spec));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
