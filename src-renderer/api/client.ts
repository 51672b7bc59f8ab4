/** The one client the UI calls: typed from the contract, independent of the host it runs in. */
import { unwrap } from '../../src-shared/call';
import type { CallResult, OperationName, RequestOf, ResponseOf } from '../../src-shared/contract';
import { MENU_COMMANDS, type MenuCommand } from '../../src-shared/menu-commands';

export { errorCode, errorMessage } from '../../src-shared/call';
export { MENU_COMMANDS, type MenuCommand };

function isMenuCommand(command: string): command is MenuCommand {
  return (MENU_COMMANDS as readonly string[]).includes(command);
}

/** Carries calls to the host and brings back their results; and the host's own messages, where it sends any. */
export interface Transport {
  invoke(name: OperationName, payload: unknown): Promise<CallResult<unknown>>;
  /** Subscribe to app-menu commands (hosts with a menu only); returns an unsubscribe function. */
  onMenuCommand?(listener: (command: string) => void): () => void;
}

export class FactmarkClient {
  constructor(private readonly transport: Transport) {}

  /** Call an operation: its value, or a FactmarkError with the host's code and one-line message. */
  async call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
    return unwrap(await this.transport.invoke(name, req)) as ResponseOf<N>;
  }

  /** Whether the host has its own menu (the desktop app), whose accelerators own Ctrl+O and Ctrl+E. */
  get hasMenu(): boolean {
    return this.transport.onMenuCommand !== undefined;
  }

  /** Listen for the host's menu commands (unknown ones are ignored); returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return this.transport.onMenuCommand?.((command) => isMenuCommand(command) && listener(command)) ?? (() => undefined);
  }
}
