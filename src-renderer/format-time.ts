/** Dates and times as the reviewer's locale writes them, with one formatter made once (toLocaleString builds a new one per call). */

/** The fields Date's toLocaleString() shows, so the text is the same as before. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** "12/6/2026, 10:44:32 PM" in an en-US locale; the input unchanged when it is not a date. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}
