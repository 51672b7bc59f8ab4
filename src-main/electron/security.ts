/** Electron hardening: deny permissions, block navigation and new windows, open http(s) links outside. */
import type { Session, Shell, WebContents } from 'electron';
import { isHttpUrl } from '../../src-shared/model';

/** Deny every permission request (camera, notifications, geolocation, …) and check. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** What lockNavigation uses of a WebContents. */
export type NavigableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The window never navigates away from the app; links open in the system browser if http(s). */
export function lockNavigation(contents: NavigableContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // electronegativity-ok OPEN_EXTERNAL_JS_CHECK: only http(s) URLs, checked by parsing (isHttpUrl), reach the system browser; file:, javascript: and custom schemes are dropped.
    if (isHttpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
