/** What the desktop app's menu asks of the page (File, Edit and Help menus): the main process sends these, the renderer's api/ client receives them. */
export const MENU_COMMANDS = ['import', 'export', 'undo', 'redo', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
