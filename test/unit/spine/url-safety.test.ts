/**
 * One URL-safety module (issue 10, item 5): the web-address rule and the link rule live in
 * src-shared/url-safety.ts, and every checker (model, schema, URL import, page metadata, the
 * desk's external links) answers the same for the same hostile addresses.
 */
import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../../src-main/services/import/metadata';
import { parseHttpUrl } from '../../../src-main/services/import/url';
import { safeExternalUrl } from '../../../src-renderer/desk/links';
import { isHttpUrl as modelIsHttpUrl } from '../../../src-shared/model';
import { isSafeHref as schemaIsSafeHref } from '../../../src-shared/schema';
import { isHttpUrl, isSafeHref } from '../../../src-shared/url-safety';

const CASES: [string, { web: boolean; link: boolean }][] = [
  ['https://example.org/a?b=1#c', { web: true, link: true }],
  ['http://127.0.0.1:8080/', { web: true, link: true }],
  ['HTTPS://EXAMPLE.ORG', { web: true, link: true }],
  ['mailto:desk@example.org', { web: false, link: true }],
  ['javascript:alert(1)', { web: false, link: false }],
  ['JaVaScRiPt:alert(1)', { web: false, link: false }],
  ['data:text/html,<script>alert(1)</script>', { web: false, link: false }],
  ['file:///etc/passwd', { web: false, link: false }],
  ['vbscript:msgbox', { web: false, link: false }],
  ['//example.org/no-scheme', { web: false, link: false }],
  ['/relative/path', { web: false, link: false }],
  ['https//missing-colon', { web: false, link: false }],
  ['', { web: false, link: false }],
];

describe('URL safety', () => {
  it.each(CASES)('%s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected.web);
    expect(isSafeHref(url)).toBe(expected.link);
    expect(modelIsHttpUrl(url)).toBe(expected.web);
    expect(schemaIsSafeHref(url)).toBe(expected.link);
    expect(safeExternalUrl(url) !== null).toBe(expected.web);
    expect(normaliseUrl(url) !== undefined).toBe(expected.web);
    if (expected.web) expect(parseHttpUrl(url).href).toBe(new URL(url).href);
    else expect(() => parseHttpUrl(url)).toThrow(/web address|Only http and https/);
  });
});
