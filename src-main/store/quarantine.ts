/** Moving a bad or unfinished file aside, never deleting it: <data>/quarantine/<path_with_underscores>.<time>. */
import { link, mkdir, readdir, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { TEMP_FILE_PATTERN } from './durable-file';
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

/**
 * Move temp files left in `folder` by a crashed save (of another process) into quarantine; returns
 * a notice for each.
 */
export async function quarantineTempFiles(dataDir: string, folder: string, now: Date): Promise<string[]> {
  const notices: string[] = [];
  for (const name of await readdir(folder)) {
    if (!TEMP_FILE_PATTERN.test(name)) continue;
    const pid = Number(name.split('.').at(-3));
    if (pid === process.pid) continue;
    const moved = await moveToQuarantine(dataDir, join(folder, name), now);
    const target = name.replace(/^\./, '').replace(/\.\d+\.\d+\.tmp$/, '');
    notices.push(`An unfinished save of ${target} was found and moved to ${moved}; the last complete version was kept`);
  }
  return notices;
}
