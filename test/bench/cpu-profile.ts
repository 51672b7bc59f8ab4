/**
 * Where an edit's main-thread time goes: the page profiles each edit itself (console.profile from
 * the key press to the frame after it, when `window.profileEdits` is set), and this prints, per
 * kind of edit, the functions with the most inclusive time (a function's samples with it anywhere
 * on the stack), so the React components drawn per edit show up by name. Only readable with an
 * unminified build (`npx vite build --config vite.web.config.ts --minify false`). Also the same
 * edits' main-thread time by trace event (script, style, layout, paint…), from a Chromium trace.
 */
import type { Page } from 'playwright-core';
import { editWindows, type TraceEvent } from './frame-trace';

interface ProfileNode {
  id: number;
  parent?: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Run `work` (whose edits alternate through `kinds`) with the page profiling each edit; print the
 * top `top` functions by inclusive ms per edit, for each kind.
 */
export async function profileEdits(page: Page, kinds: readonly string[], work: () => Promise<void>, top = 45): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const profiles: Profile[] = [];
  cdp.on('Profiler.consoleProfileFinished', (e) => void profiles.push((e as unknown as { profile: Profile }).profile));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate(() => ((window as unknown as { profileEdits: boolean }).profileEdits = true));
  try {
    await work();
  } finally {
    await page.evaluate(() => ((window as unknown as { profileEdits: boolean }).profileEdits = false));
    await cdp.detach();
  }
  kinds.forEach((kind, k) => printTop(kind, profiles.filter((_, i) => i % kinds.length === k), top));
}

function printTop(kind: string, profiles: readonly Profile[], top: number): void {
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  let busy = 0;
  for (const profile of profiles) {
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) byId.set(node.id, node);
    for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i + 1] ?? 0;
      const leaf = byId.get(id)!;
      if (leaf.callFrame.functionName === '(idle)') return;
      busy += us;
      self.set(key(leaf), (self.get(key(leaf)) ?? 0) + us);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = n.parent === undefined ? undefined : byId.get(n.parent)) {
        const k = key(n);
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + us);
      }
    });
  }
  const per = (us: number) => (us / 1000 / profiles.length).toFixed(2);
  console.log(`CPU profile of ${kind}: ${per(busy)} ms sampled per edit (${profiles.length} edits); inclusive / self ms per edit:`);
  const rows = [...inclusive].sort((a, b) => b[1] - a[1]);
  for (const [k, us] of rows.slice(0, top)) console.log(`  ${per(us).padStart(6)} / ${per(self.get(k) ?? 0).padStart(5)}  ${k}`);
  // React components (capitalised functions of the bundle): which of them were drawn in the edit.
  const components = rows.filter(([k]) => /^[A-Z]\w* index-/.test(k) && !k.startsWith('EditorView'));
  console.log(`  components drawn: ${components.map(([k, us]) => `${k.split(' ')[0]} ${per(us)}`).join(', ')}`);
}

/**
 * Per kind of edit (edits alternate through `kinds`), the main thread's CPU per edit by trace event
 * name, from each key press to its frame painted. Nested events count in each.
 */
export function printTraceBreakdown(events: readonly TraceEvent[], kinds: readonly string[]): void {
  const { main, windows } = editWindows(events);
  kinds.forEach((kind, k) => {
    const sums = new Map<string, number>();
    let edits = 0;
    windows.forEach(([from, to], i) => {
      if (i % kinds.length !== k) return;
      edits++;
      for (const e of main.events) if (e.ts >= from && e.ts < to) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0));
    });
    const rows = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 16);
    console.log(`${kind}: main-thread CPU ms per edit by trace event (${edits} edits): ${rows.map(([n, us]) => `${n} ${(us / 1000 / edits).toFixed(2)}`).join(', ')}`);
  });
}
