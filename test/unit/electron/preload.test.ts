/** The preload, with a recording fake of electron: one object exposed, only contract operations forwarded, listeners removed exactly. */
import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, (...args: unknown[]) => unknown>>(),
  invoked: [] as unknown[][],
  /** Handlers per channel, as ipcRenderer keeps them: removeListener removes only the handler it is given. */
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return { ok: true, value: [] };
    },
    on: (channel: string, fn: Handler) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: Handler) => fake.listeners.get(channel)?.delete(fn),
  },
}));

await import('../../../src-main/preload/index');

/** Deliver a message on a channel to every handler registered there. */
function emit(channel: string, ...args: unknown[]): void {
  for (const handler of fake.listeners.get(channel) ?? []) handler({}, ...args);
}

describe('preload', () => {
  it('exposes exactly one object with two methods', () => {
    expect([...fake.exposed.keys()]).toEqual(['factmark']);
    expect(Object.keys(fake.exposed.get('factmark')!).sort()).toEqual(['invoke', 'onMenuCommand']);
  });

  it('forwards contract operations and refuses any other name without calling the main process', async () => {
    const api = fake.exposed.get('factmark')!;
    expect(await api.invoke('library.list', {})).toEqual({ ok: true, value: [] });
    expect(await api.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.invoke('__proto__', {})).toMatchObject({ ok: false });
    expect(fake.invoked).toEqual([['factmark:call', 'library.list', {}]]);
  });

  it('passes string menu commands to each listener until that listener unsubscribes, removing only its own handler', () => {
    const api = fake.exposed.get('factmark')!;
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = api.onMenuCommand((command: unknown) => first.push(String(command))) as () => void;
    const stopSecond = api.onMenuCommand((command: unknown) => second.push(String(command))) as () => void;
    expect(fake.listeners.get('factmark:menu')!.size).toBe(2);
    emit('factmark:menu', 'export');
    emit('factmark:menu', 42);
    stopFirst();
    expect(fake.listeners.get('factmark:menu')!.size).toBe(1);
    emit('factmark:menu', 'undo');
    stopSecond();
    expect(fake.listeners.get('factmark:menu')!.size).toBe(0);
    emit('factmark:menu', 'redo');
    expect(first).toEqual(['export']);
    expect(second).toEqual(['export', 'undo']);
  });
});
