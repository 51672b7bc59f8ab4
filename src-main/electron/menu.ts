/** The application menu: File (import, export), Edit, View, Help; commands go to the renderer. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from './channels';

export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: string) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: 'Keyboard shortcuts', accelerator: 'Shift+/', click: send('shortcuts') }] },
  ];
  return Menu.buildFromTemplate(template);
}
