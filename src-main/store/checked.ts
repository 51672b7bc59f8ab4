/**
 * Records (articles, claims) validated with the store's own schema and not changed since: every
 * record the store parsed loading or saving an article file, and those a caller parsed just before,
 * e.g. a teammate's claim team sync read from its document. The store's save takes them as they
 * are instead of parsing them a second time. Each record is vouched for with
 * the schema it passed, and only counts as checked for that schema (a vouched article placed
 * among claims is parsed as a claim). Only a caller that parsed the object itself may vouch for
 * it; anything not vouched for is validated on save as before.
 */
import type { ZodTypeAny } from 'zod';

const checked = new WeakMap<object, ZodTypeAny>();

/** Vouch that `record` is the output of `schema`'s parse, unchanged since (or changed only to values the schema accepts). */
export function vouchChecked<T extends object>(schema: ZodTypeAny, record: T): T {
  checked.set(record, schema);
  return record;
}

/** True when `value` was vouched for with vouchChecked and this very schema. */
export function isChecked(schema: ZodTypeAny, value: unknown): boolean {
  return typeof value === 'object' && value !== null && checked.get(value) === schema;
}
