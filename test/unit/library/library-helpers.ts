/** Helpers for the library-wide tests: articles with claims added through the services, and the shared per-test library fixture. */
import { afterEach, beforeEach } from 'vitest';
import { paragraphsDoc } from '../../../src-main/services/import/doc-json';
import type { StatusId } from '../../../src-shared/model';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

export interface ClaimSpec {
  quote: string;
  status?: StatusId;
  claimant?: string;
  note?: string;
  evidence?: { url: string; title: string }[];
}

/** Add an article whose paragraphs are the claims' quotes (plus `extra`), and claim each quote. */
export async function addArticleWithClaims(lib: TempLibrary, title: string, claims: ClaimSpec[], extra: string[] = []) {
  const article = await lib.call('library.create', { meta: { title }, doc: paragraphsDoc([...claims.map((c) => c.quote), ...extra]) });
  const ids: string[] = [];
  for (const [i, c] of claims.entries()) {
    lib.tick(60_000);
    const claim = await lib.call('claims.create', {
      articleId: article.id,
      range: { quote: c.quote },
      status: c.status ?? 'unverified',
      claimant: c.claimant ?? '',
      note: c.note ?? '',
      evidence: (c.evidence ?? []).map((e, j) => ({ id: `ev${i}x${j}`, url: e.url, title: e.title, note: '', stance: 'refutes' as const })),
    });
    ids.push(claim.id);
  }
  return { article, claimIds: ids };
}

/** An article of a fixture library: its title and its claims. */
export interface ArticleSpec {
  title: string;
  claims: ClaimSpec[];
}

/** A fresh library per test, holding the given articles (`added[i]` is article i with its claim ids). */
export interface LibraryFixture {
  lib: TempLibrary;
  added: Awaited<ReturnType<typeof addArticleWithClaims>>[];
}

/** Register the set-up every library-wide test file shares: a temp library with these articles before each test, removed after it. */
export function withLibrary(articles: ArticleSpec[]): LibraryFixture {
  const fixture = { added: [] } as unknown as LibraryFixture;
  beforeEach(async () => {
    fixture.lib = await openTempLibrary();
    fixture.added = [];
    for (const a of articles) fixture.added.push(await addArticleWithClaims(fixture.lib, a.title, a.claims));
  });
  afterEach(async () => {
    await fixture.lib.cleanup();
  });
  return fixture;
}
