/** Sortable, file-name-safe timestamps for backups and quarantined files: 20260115T100000000Z. */

/** A Date as `YYYYMMDDTHHMMSSmmmZ` (UTC), which sorts in time order as text. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

/** The Date a fileStamp names, or null when the text is not one. */
export function parseFileStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
