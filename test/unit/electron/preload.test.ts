/** The preload, with a recording fake of electron: one object exposed, only contract operations forwarded. */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, (...args: unknown[]) => unknown>>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return { ok: true, value: [] };
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => fake.listeners.set(channel, fn),
    removeListener: (channel: string) => fake.listeners.delete(channel),
  },
}));

await import('../../../src-main/preload/index');

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

  it('passes menu commands to a listener until it unsubscribes', () => {
    const api = fake.exposed.get('factmark')!;
    const seen: string[] = [];
    const stop = api.onMenuCommand((command: unknown) => seen.push(String(command))) as () => void;
    fake.listeners.get('factmark:menu')!({}, 'export');
    fake.listeners.get('factmark:menu')!({}, 42);
    stop();
    expect(seen).toEqual(['export']);
    expect(fake.listeners.has('factmark:menu')).toBe(false);
  });
});
