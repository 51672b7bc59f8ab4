/** The IPC channel names the main process and the preload share (no Electron import, so both can bundle it). */

/** Renderer -> main: a contract call. */
export const CALL_CHANNEL = 'factmark:call';
/** Main -> renderer: a menu command ("import", "export", "shortcuts"). */
export const MENU_CHANNEL = 'factmark:menu';
