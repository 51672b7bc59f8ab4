/**
 * The Content-Security-Policy of every Factmark page, in both hosts: no inline or remote scripts,
 * and no inline styles (<style> elements, style="" attributes). React's style props and
 * ProseMirror's style changes go through the CSSOM (element.style), which CSP does not restrict.
 */
import { REPORT_STYLE_HASH } from '../services/export/report-css';

// electronegativity-ok CSP_GLOBAL_CHECK: the evaluator warns that script-src 'self' is weak where the origin serves JSONP, Angular or user uploads; Factmark's origin serves only its own built bundle (app://factmark in Electron, static out/web in the browser host).
// The one inline <style> allowed is the report's own stylesheet, by its hash: the export dialog shows
// the report in a sandboxed srcdoc frame, which inherits this policy.
export const CONTENT_SECURITY_POLICY = `default-src 'none'; script-src 'self'; style-src 'self' '${REPORT_STYLE_HASH}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
