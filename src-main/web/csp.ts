/**
 * The Content-Security-Policy of every Factmark page, in both hosts: no inline or remote scripts,
 * and no inline styles (<style> elements, style="" attributes). React's style props and
 * ProseMirror's style changes go through the CSSOM (element.style), which CSP does not restrict.
 */
// electronegativity-ok CSP_GLOBAL_CHECK: the evaluator warns that script-src 'self' is weak where the origin serves JSONP, Angular or user uploads; Factmark's origin serves only its own built bundle (app://factmark in Electron, static out/web in the browser host).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
