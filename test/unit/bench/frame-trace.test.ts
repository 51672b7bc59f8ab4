/** The desk bench's trace reading: edit and open times from a made-up Chromium trace. */
import { describe, expect, it } from 'vitest';
import { EDIT_MARK, editFrames, OPEN_MARK, openTimes, READY_MARK, type TraceEvent } from '../../bench/frame-trace';

const at = (ms: number) => ms * 1000;
const event = (name: string, startMs: number, durMs = 0, data?: { type?: string }, tid = 1): TraceEvent => ({
  name,
  ph: name.startsWith('factmark') ? 'R' : 'X',
  ts: at(startMs),
  dur: at(durMs),
  pid: 7,
  tid,
  ...(data ? { args: { data } } : {}),
});
/** A main-thread task; `cpuMs` is its thread time (its whole length unless given). */
const task = (startMs: number, durMs: number, cpuMs = durMs): TraceEvent => ({ ...event('ThreadControllerImpl::RunTask', startMs, durMs), tdur: at(cpuMs) });

describe('edit frames from a trace', () => {
  it('times each edit from its key press to the end of the task that paints the next frame, and counts only busy time and its CPU', () => {
    const events = [
      event(EDIT_MARK, 10),
      task(10, 4, 2), // the key press task: 3 ms from the keydown, half of it on a core
      event('EventDispatch', 11, 2, { type: 'keydown' }),
      task(16, 1), // another task before the frame
      task(20, 5), // the frame
      event('Paint', 23, 1),
      task(30, 2), // after the frame: not counted
      event(EDIT_MARK, 100),
      task(100, 2),
      event('EventDispatch', 100, 1, { type: 'keydown' }),
      task(110, 3, 1.5),
      event('Paint', 111, 1),
      event('ThreadControllerImpl::RunTask', 0, 500, undefined, 2), // another thread's task is ignored
    ];
    expect(editFrames(events)).toEqual([
      { wall: 14, busy: 3 + 1 + 5, cpu: 1.5 + 1 + 5 },
      { wall: 13, busy: 2 + 3, cpu: 2 + 1.5 },
    ]);
  });

  it('refuses a trace without what it needs', () => {
    expect(() => editFrames([task(0, 1)])).toThrow(/no factmark-edit marks/);
    expect(() => editFrames([event(EDIT_MARK, 0), task(0, 1)])).toThrow(/no key press/);
    expect(() => editFrames([event(EDIT_MARK, 0), task(0, 1), event('EventDispatch', 0, 1, { type: 'keydown' })])).toThrow(/no frame was painted/);
  });
});

describe('open times from a trace', () => {
  it('times each open from its start to the end of the frame painted once it was ready, skipping frames before', () => {
    const events = [
      event(OPEN_MARK, 0),
      task(0, 30),
      task(31, 3),
      event('Paint', 32, 1), // a frame before the article was ready
      task(40, 6),
      event(READY_MARK, 40.5),
      event('Paint', 44, 1),
      event(OPEN_MARK, 200),
      task(200, 10),
      event(READY_MARK, 215),
      task(215, 4),
      event('Paint', 216, 1),
    ];
    expect(openTimes(events)).toEqual([46, 19]);
  });
});
