import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableTextFile, TEMP_FILE_PATTERN, writeFileDurably } from '../../../src-main/store/durable-file';
import { makeTempDir } from '../../support/temp-library';

describe('durable writes', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileDurably(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file and removes its temp file when a write fails before the rename', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    const failing = writeFileDurably(file, 'new', { beforeReplace: () => Promise.reject(new Error('disk full')) });
    await expect(failing).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('names temp files so a later opener can recognise them', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'a.json');
    let seen: string[] = [];
    await writeFileDurably(file, 'x', { beforeReplace: async () => void (seen = await readdir(dir)) });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(TEMP_FILE_PATTERN);
  });

  it('coalesces a burst of writes: every promise resolves and the last text wins', async () => {
    const dir = await makeTempDir();
    const adapter = new DurableTextFile(join(dir, 'race.json'));
    const writes = Array.from({ length: 100 }, (_, i) => adapter.write(String(i)));
    await Promise.all(writes);
    await adapter.flush();
    expect(await adapter.read()).toBe('99');
    expect(await readdir(dir)).toEqual(['race.json']);
  });
});
