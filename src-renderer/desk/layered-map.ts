/**
 * An immutable map for the desk's per-claim tables (2,000 entries on a long article), where each
 * edit changes one entry: `with` and `without` return a new map that shares the old one's entries
 * and copies only a small layer of recent changes, instead of copying every entry (which, once per
 * edit, made most of the garbage the page collected during edits). Reads see the layer first.
 * A ReadonlyMap, so readers do not know it from a Map.
 */

/** A deleted key in the layer. */
const GONE: unique symbol = Symbol('gone');

/** Changes kept in the layer before they are folded into a new base: a copy of the base per this many edits. */
const LAYER_LIMIT = 64;

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    /** Never changed once given to a LayeredMap. */
    private readonly base: ReadonlyMap<K, V>,
    /** The changes since `base`, copied on each change (it stays small). */
    private readonly layer: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  /** A map over `entries`; a Map given here must not be changed afterwards (it is shared, not copied). */
  static of<K, V>(entries: ReadonlyMap<K, V> | Iterable<readonly [K, V]> = []): LayeredMap<K, V> {
    if (entries instanceof LayeredMap) return entries;
    const base = entries instanceof Map ? (entries as ReadonlyMap<K, V>) : new Map(entries as Iterable<readonly [K, V]>);
    return new LayeredMap(base, new Map(), base.size);
  }

  get(key: K): V | undefined {
    const top = this.layer.get(key);
    if (top === GONE) return undefined;
    return top !== undefined || this.layer.has(key) ? (top as V) : this.base.get(key);
  }

  has(key: K): boolean {
    const top = this.layer.get(key);
    if (top === GONE) return false;
    return this.layer.has(key) || this.base.has(key);
  }

  /** This map with `key` set to `value`. */
  with(key: K, value: V): LayeredMap<K, V> {
    if (this.layer.get(key) === value && this.layer.has(key)) return this;
    return this.changed(key, value, this.has(key) ? this.size : this.size + 1);
  }

  /** This map without `key` (the same map when it has none). */
  without(key: K): LayeredMap<K, V> {
    return this.has(key) ? this.changed(key, GONE, this.size - 1) : this;
  }

  private changed(key: K, value: V | typeof GONE, size: number): LayeredMap<K, V> {
    const layer = new Map(this.layer).set(key, value);
    if (layer.size <= LAYER_LIMIT) return new LayeredMap(this.base, layer, size);
    const base = new Map(this.base);
    for (const [k, v] of layer) {
      if (v === GONE) base.delete(k);
      else base.set(k, v);
    }
    return new LayeredMap(base, new Map(), size);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.layer) if (v !== GONE) yield [k, v];
    for (const [k, v] of this.base) if (!this.layer.has(k)) yield [k, v];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }
}
