/** Test helper: every file under a folder with the SHA-256 of its bytes, to prove that nothing on disk changed. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Hashes by path, reused while a file's inode, size and mtime are unchanged (a rename or write changes them). */
const hashCache = new Map<string, { signature: string; hash: string }>();

async function hashFile(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  const signature = `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  const cached = hashCache.get(path);
  if (cached?.signature === signature) return cached.hash;
  const hash = createHash('sha256').update(await readFile(path)).digest('hex');
  hashCache.set(path, { signature, hash });
  return hash;
}

/** Relative path -> sha256 of every file under `dir` (sorted by path). */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(folder: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = await hashFile(path);
    }
  }
  await walk(dir);
  return out;
}
