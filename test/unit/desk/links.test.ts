/** Evidence links: only http(s) URLs open, checked by URL parsing. */
import { describe, expect, it, vi } from 'vitest';
import { openExternal, safeExternalUrl } from '../../../src-renderer/desk/links';

describe('evidence links', () => {
  it('accepts absolute http and https URLs', () => {
    expect(safeExternalUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
    expect(safeExternalUrl('http://example.org')).toBe('http://example.org/');
  });

  it('refuses other schemes and relative or malformed addresses', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'example.org', '/local', 'https//x', '']) {
      expect(safeExternalUrl(bad)).toBeNull();
    }
  });

  it('opens a safe link in a new window without an opener, and nothing else', () => {
    const open = vi.fn();
    expect(openExternal('https://example.org', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.org/', '_blank', 'noopener');
    expect(openExternal('javascript:alert(1)', open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
