/** Moving a bad or unfinished file aside, never deleting it: <data>/quarantine/<path_with_underscores>.<time>. */
import { link, mkdir, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileStamp } from './stamps';

/** The quarantine folder of a data folder. */
export function quarantineDir(dataDir: string): string {
  return join(dataDir, 'quarantine');
}

/**
 * Move `file` (inside `dataDir`) into the quarantine folder under a name that says where it came
 * from and when; returns the new path relative to the data folder, for messages.
 */
export async function moveToQuarantine(dataDir: string, file: string, now: Date): Promise<string> {
  const folder = quarantineDir(dataDir);
  await mkdir(folder, { recursive: true });
  const base = `${relative(dataDir, file).split(sep).join('_')}.${fileStamp(now)}`;
  for (let n = 0; ; n++) {
    const target = join(folder, n ? `${base}-${n}` : base);
    try {
      // link fails with EEXIST instead of replacing, so an earlier quarantined file is never overwritten.
      await link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await unlink(file);
    return relative(dataDir, target);
  }
}
