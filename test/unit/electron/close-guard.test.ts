/** Closing the desktop window waits for a change its page is still saving, within a time limit. */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeAll, GIVE_UP_MS, guardClose, RETRY_MS } from '../../../src-main/electron/close-guard';

/** A window whose page holds its unload while `saving` is true, as the desk does (beforeunload). */
class FakeWindow extends EventEmitter {
  webContents = new EventEmitter();
  saving = false;
  destroyed = false;
  closeCalls = 0;
  unloadsAllowed = 0;
  close() {
    this.closeCalls += 1;
    this.emit('close');
    let allowed = !this.saving;
    if (!allowed) this.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
    if (!allowed) return;
    if (this.saving) this.unloadsAllowed += 1;
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

let clock = 0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => vi.useRealTimers());

function guarded(): FakeWindow {
  const win = new FakeWindow();
  guardClose(win, () => clock);
  return win;
}

describe('closing the desktop window', () => {
  it('waits while the page is still saving, and closes once it is done', async () => {
    const win = guarded();
    win.saving = true;
    win.close();
    expect(win.isDestroyed()).toBe(false);
    clock += RETRY_MS;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(win.closeCalls).toBe(2);
    expect(win.isDestroyed()).toBe(false);
    win.saving = false;
    clock += RETRY_MS;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(win.isDestroyed()).toBe(true);
    expect(win.unloadsAllowed).toBe(0);
  });

  it('closes anyway when the page is still holding after the time limit', async () => {
    const win = guarded();
    win.saving = true;
    win.close();
    for (let waited = 0; waited < GIVE_UP_MS && !win.isDestroyed(); waited += RETRY_MS) {
      clock += RETRY_MS;
      await vi.advanceTimersByTimeAsync(RETRY_MS);
    }
    expect(win.isDestroyed()).toBe(true);
    expect(win.unloadsAllowed).toBe(1);
  });

  it('leaves an unload that is not a close (a reload) cancelled, without closing the window', async () => {
    const win = guarded();
    win.webContents.emit('will-prevent-unload', { preventDefault: () => expect.fail('the reload was let through') });
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(win.closeCalls).toBe(0);
  });

  it('closes every window before resolving, waiting for one that is still saving', async () => {
    const [quick, saving] = [guarded(), guarded()];
    saving.saving = true;
    let done = false;
    const all = closeAll([quick, saving]).then(() => (done = true));
    expect(quick.isDestroyed()).toBe(true);
    clock += RETRY_MS;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(done).toBe(false);
    saving.saving = false;
    clock += RETRY_MS;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await all;
    expect(saving.isDestroyed()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
