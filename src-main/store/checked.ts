/**
 * Records (articles, claims) a caller has just validated with the store's own schema and not
 * changed since, e.g. a teammate's claim team sync parsed from its document: the store's save
 * takes them as they are instead of parsing them a second time. Only a caller that parsed the
 * object itself may vouch for it; anything not vouched for is validated on save as before.
 */
const checked = new WeakSet<object>();

/** Vouch that `record` is the output of its store schema's parse, unchanged since (or changed only to values the schema accepts). */
export function vouchChecked<T extends object>(record: T): T {
  checked.add(record);
  return record;
}

/** True when `value` was vouched for with vouchChecked. */
export function isChecked(value: unknown): boolean {
  return typeof value === 'object' && value !== null && checked.has(value);
}
