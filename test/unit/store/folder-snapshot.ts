/** Test helper: every file under a folder with the SHA-256 of its bytes, to prove that nothing on disk changed. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Relative path -> sha256 of every file under `dir` (sorted by path). */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(folder: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  }
  await walk(dir);
  return out;
}
