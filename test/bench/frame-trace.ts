/**
 * Edit latency from a Chromium performance trace: for each edit, the time from its key press to
 * the end of the first frame painted after it, and how much of that the page's main thread was
 * busy (every task it ran in between: the handler, React's commit and any other task, and that
 * frame's style, layout, paint). The difference is the wait for the display's next refresh. Also
 * each open's time to its first frame painted ready, ending where that frame's paint ends.
 */
import type { Page } from 'playwright-core';

/** The trace events this reads (Chrome's trace event format). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: the CPU the thread spent in it (dur also counts time the thread waited for a core). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** The user-timing mark the page sets right before each edit's key press. */
export const EDIT_MARK = 'factmark-edit';

/**
 * One edit, in ms: from its key press to that frame painted, the main thread's busy time within,
 * and the CPU time it used in that busy time (less than busy when other processes had the cores).
 */
export interface EditFrame {
  wall: number;
  busy: number;
  cpu: number;
}

/** Run `work` while Chromium records a trace of the page's main thread; returns the events. */
export async function recordTrace(page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,blink.user_timing', transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Thread time of the tasks within [from, to] (a task cut by either end counts in proportion). */
function cpuWithin(tasks: readonly [number, number, number][], from: number, to: number): number {
  let total = 0;
  for (const [start, end, cpu] of tasks) {
    const inside = Math.min(end, to) - Math.max(start, from);
    if (inside > 0 && end > start) total += (cpu * inside) / (end - start);
  }
  return total;
}

/** Total length of the union of intervals, clipped to [from, to]. */
function coveredWithin(intervals: readonly (readonly [number, number, ...number[]])[], from: number, to: number): number {
  let total = 0;
  let reached = from;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(start, reached);
    const e = Math.min(end, to);
    if (e > s) total += e - s;
    reached = Math.max(reached, Math.min(end, to));
  }
  return total;
}

/** The page's main thread in a trace: its events in time order, and its tasks as [start, end, thread time] in µs. */
export interface MainThread {
  events: TraceEvent[];
  tasks: [number, number, number][];
}

/** The main thread of the page that set `mark`. */
function mainThreadOf(events: readonly TraceEvent[], mark: TraceEvent): MainThread {
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => TASK_NAMES.has(e.name)).map((e): [number, number, number] => [e.ts, e.ts + (e.dur ?? 0), e.tdur ?? 0]);
  if (tasks.length === 0) throw new Error('the trace has no main-thread tasks');
  return { events: main, tasks };
}

/** When the first frame painted after `ts` was done: the end of the main-thread task that painted it, in µs. */
function paintedAfter(main: MainThread, ts: number): number {
  const paint = main.events.find((e) => e.ts > ts && e.name === 'Paint');
  if (!paint) throw new Error('no frame was painted after a marked moment');
  const frame = main.tasks.find(([start, end]) => start <= paint.ts && paint.ts <= end);
  return frame ? frame[1] : paint.ts + (paint.dur ?? 0);
}

function marksNamed(events: readonly TraceEvent[], name: string): TraceEvent[] {
  const marks = events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  if (marks.length === 0) throw new Error(`the trace has no ${name} marks`);
  return marks;
}

/**
 * The page's main thread, and each marked edit's window on it in mark order: from its key press to
 * the end of the task that painted its frame, in µs. Throws when the trace lacks what it needs.
 */
export function editWindows(events: readonly TraceEvent[]): { main: MainThread; windows: [number, number][] } {
  const marks = marksNamed(events, EDIT_MARK);
  const main = mainThreadOf(events, marks[0]);
  const windows = marks.map((mark): [number, number] => {
    const key = main.events.find((e) => e.ts >= mark.ts && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    if (!key) throw new Error('an edit mark has no key press after it');
    return [key.ts, paintedAfter(main, key.ts)];
  });
  return { main, windows };
}

/** Each marked edit's figures, in mark order; throws when the trace lacks what it needs. */
export function editFrames(events: readonly TraceEvent[]): EditFrame[] {
  const { main, windows } = editWindows(events);
  return windows.map(([from, to]) => ({ wall: (to - from) / 1000, busy: coveredWithin(main.tasks, from, to) / 1000, cpu: cpuWithin(main.tasks, from, to) / 1000 }));
}

/** The marks the page sets when it starts opening an article, and in the frame that first shows it ready. */
export const OPEN_MARK = 'factmark-open';
export const READY_MARK = 'factmark-open-ready';

/** Each marked open, in ms: from its start to the end of the first frame painted once it was ready. */
export function openTimes(events: readonly TraceEvent[]): number[] {
  const opens = marksNamed(events, OPEN_MARK);
  const readies = marksNamed(events, READY_MARK);
  const main = mainThreadOf(events, opens[0]);
  return opens.map((open) => {
    const ready = readies.find((r) => r.ts >= open.ts);
    if (!ready) throw new Error('an open never became ready');
    return (paintedAfter(main, ready.ts) - open.ts) / 1000;
  });
}
