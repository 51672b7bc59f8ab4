/** New ids: url-safe, 12 characters, never read as a command-line option. */
import { describe, expect, it } from 'vitest';
import { randomId } from '../../../src-main/services/context';

describe('randomId', () => {
  it('makes 12-character url-safe ids that start with a letter or digit, all different', () => {
    // One base64url id in 32 starts with "-" or "_": 5,000 draws would show it almost surely.
    const ids = Array.from({ length: 5_000 }, randomId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{11}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
