/** The desk's layered map: an immutable map whose changes share the entries they did not touch. */
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../../src-renderer/desk/layered-map';
import { seeded } from '../../../src-shared/seeded';

describe('LayeredMap', () => {
  it('reads, adds, replaces and removes without changing the map it came from', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const one = LayeredMap.of(base);
    const two = one.with('c', 3).with('a', 10).without('b');
    expect([...one].sort()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(one.size).toBe(2);
    expect([...two.entries()].sort()).toEqual([
      ['a', 10],
      ['c', 3],
    ]);
    expect(two.size).toBe(2);
    expect(two.get('b')).toBeUndefined();
    expect(two.has('b')).toBe(false);
    expect(two.has('a')).toBe(true);
    expect(two.without('zzz')).toBe(two);
    expect([...two.keys()].sort()).toEqual(['a', 'c']);
    expect([...two.values()].sort()).toEqual([10, 3]);
    const seen: string[] = [];
    two.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen.sort()).toEqual(['a=10', 'c=3']);
    expect(new Map(two)).toEqual(new Map([['a', 10], ['c', 3]]));
    expect(base.get('a')).toBe(1);
  });

  it('agrees with a Map over a long random walk of changes, old versions included', () => {
    const next = seeded(42);
    let layered = LayeredMap.of<number, number>();
    let plain = new Map<number, number>();
    const history: [LayeredMap<number, number>, Map<number, number>][] = [];
    for (let step = 0; step < 2_000; step++) {
      const key = Math.floor(next() * 300);
      if (next() < 0.3) {
        layered = layered.without(key);
        plain = new Map(plain);
        plain.delete(key);
      } else {
        layered = layered.with(key, step);
        plain = new Map(plain).set(key, step);
      }
      if (step % 97 === 0) history.push([layered, plain]);
    }
    history.push([layered, plain]);
    for (const [l, p] of history) {
      expect(l.size).toBe(p.size);
      expect(new Map(l)).toEqual(p);
      for (let k = 0; k < 300; k++) {
        expect(l.get(k)).toBe(p.get(k));
        expect(l.has(k)).toBe(p.has(k));
      }
    }
  });
});
