/**
 * Imported first by main.tsx: the page's CSP forbids eval, so zod must not probe for it (the
 * probe's error is caught, but the browser still reports it as a CSP violation). A module of its
 * own, so this runs before any module that builds schemas.
 */
import { config } from 'zod';

config({ jitless: true });
