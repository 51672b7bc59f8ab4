/** Article texts are cached per service context (injected), not in a module-level map shared by every library. */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src-main/services/context';
import { createTextCache } from '../../../src-main/services/documents';
import { makeTempDir } from '../../support/temp-library';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the article text cache', () => {
  it('keeps texts by hash and drops the least recently used beyond its size', () => {
    const cache = createTextCache(2);
    expect(cache.of({ doc: doc('first'), textHash: 'h1' })).toBe('first');
    expect(cache.of({ doc: doc('changed'), textHash: 'h1' })).toBe('first'); // served from the cache
    cache.of({ doc: doc('second'), textHash: 'h2' });
    cache.of({ doc: doc('first'), textHash: 'h1' }); // h1 used again: h2 is now the oldest
    cache.of({ doc: doc('third'), textHash: 'h3' });
    expect(cache.of({ doc: doc('first again'), textHash: 'h1' })).toBe('first');
    expect(cache.of({ doc: doc('second again'), textHash: 'h2' })).toBe('second again');
  });

  it('is part of each service context, so two libraries never share one', async () => {
    const a = createContext(await makeTempDir());
    const b = createContext(await makeTempDir());
    expect(a.texts).not.toBe(b.texts);
    a.texts.of({ doc: doc('only in a'), textHash: 'same' });
    expect(b.texts.of({ doc: doc('only in b'), textHash: 'same' })).toBe('only in b');
  });
});
