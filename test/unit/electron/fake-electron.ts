/** Test helper: recording stand-ins for the Electron parts startDesktop takes (no Electron binary here). */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import type { ElectronParts } from '../../../src-main/electron/desktop';

type Listener = (...args: never[]) => unknown;

export class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  loaded = '';
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  /** Closes at once, as a window whose page holds nothing back. */
  close() {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
}

export interface FakeElectron {
  parts: ElectronParts;
  windows: FakeWindow[];
  app: EventEmitter & { quits: number; packaged: boolean };
  ipcHandlers: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: unknown[];
  menu: MenuItemConstructorOptions[] | null;
  opened: string[];
  permissions: { request?: Listener; check?: Listener };
  errors: string[];
}

export function fakeElectron(options: { packaged?: boolean; singleInstance?: boolean; appData: string; appPath: string }): FakeElectron {
  const windows: FakeWindow[] = [];
  const app = Object.assign(new EventEmitter(), { quits: 0, packaged: options.packaged ?? true });
  const fake: FakeElectron = {
    windows,
    app,
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    menu: null,
    opened: [],
    permissions: {},
    errors: [],
    parts: null as unknown as ElectronParts,
  };
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      windows.push(this);
    }
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
  }
  const parts = {
    app: {
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      setName: () => undefined,
      on: (event: string, listener: Listener) => app.on(event, listener as (...args: unknown[]) => void),
      whenReady: () => Promise.resolve(),
      getPath: () => options.appData,
      getAppPath: () => options.appPath,
      get isPackaged() {
        return app.packaged;
      },
      quit: () => void (app.quits += 1),
      exit: () => undefined,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => void (fake.menu = menu),
    },
    dialog: { showErrorBox: (title: string, message: string) => void fake.errors.push(`${title}: ${message}`) },
    ipcMain: { handle: (channel: string, listener: Listener) => void fake.ipcHandlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (listener: Listener) => void (fake.permissions.request = listener),
        setPermissionCheckHandler: (listener: Listener) => void (fake.permissions.check = listener),
      },
    },
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  };
  fake.parts = parts as unknown as ElectronParts;
  return fake;
}
