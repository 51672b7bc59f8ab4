/** The application menu: File (import, export), Edit, View, Help; commands go to the renderer. DevTools only in development. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/menu-commands';

export type { MenuCommand };

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** A development run (not packaged): the View menu offers the developer tools. */
  development: boolean;
}

export function menuTemplate(send: (command: MenuCommand) => void, { platform, development }: MenuOptions): MenuItemConstructorOptions[] {
  const click = (command: MenuCommand) => () => send(command);
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: click('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: click('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: click('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: click('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(development ? [{ role: 'toggleDevTools' as const }] : []), { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: 'Help', submenu: [{ label: 'Keyboard shortcuts', accelerator: 'Shift+/', click: click('shortcuts') }] },
  ];
}
