/** The README stays true: its shortcut table is the one the app shows. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { shortcutsMarkdown } from '../../../src-renderer/shortcuts';

describe('README', () => {
  it('lists the same shortcuts as the in-app overlay', async () => {
    expect(await readFile('README.md', 'utf8')).toContain(shortcutsMarkdown());
  });
});
