/**
 * Hostile values for boundary tests: the shared HTML corpus (test/support/hostile-corpus.ts)
 * plus text of other kinds: template and SQL injection, path traversal, prototype keys, control
 * and bidi characters, odd Unicode, and oversized text.
 */
import { hostileCorpus } from '../../support/hostile-corpus';

/** Strings that must be stored and returned exactly as given (never interpreted). */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE claims; --",
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '\u202Egnp.exe',
  'zero\u200Bwidth\u200Djoiner',
  'emoji 👩🏽‍⚖️ and CJK 事实核查 and RTL مرحبا',
  'tab\tand\ncontrol\u0007\u001b[31mred',
  'lone surrogate \uD800 end',
  '&lt;already escaped&gt; &amp;',
  '<!-- comment --><![CDATA[x]]>',
  '%00%2e%2e%2f',
  ' leading and trailing spaces ',
  'A'.repeat(400),
  ...hostileCorpus(),
];

/** Values of the wrong kind for any field. */
export const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  '',
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  [1, 2, 3],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  'x'.repeat(200_000),
  { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] },
];
