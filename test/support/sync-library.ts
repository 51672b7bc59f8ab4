/** Test helper: a library with its own ids and clock (like another machine), for team sync tests. */
import { rm } from 'node:fs/promises';
import type { OperationName, RequestOf, ResponseOf } from '../../src-shared/contract';
import { unwrap } from '../../src-shared/call';
import { openFactmark, type Factmark } from '../../src-main/services/factmark';
import { makeTempDir, RESOURCES_DIR } from './temp-library';

export interface SyncLibrary {
  dir: string;
  factmark: Factmark;
  call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>>;
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Open (or reopen, with `dir`) a library whose ids start with `machine`. */
export async function openSyncLibrary(machine: string, options: { dir?: string; seed?: boolean } = {}): Promise<SyncLibrary> {
  const dir = options.dir ?? (await makeTempDir(`factmark-${machine}-`));
  let counter = 0;
  const factmark = await openFactmark({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    seed: options.seed ?? false,
    newId: () => `${machine}${Date.now().toString(36)}${String(++counter).padStart(5, '0')}`,
  });
  return {
    dir,
    factmark,
    async call(name, req) {
      return unwrap(await factmark.dispatcher.call(name, req)) as never;
    },
    close: () => factmark.close(),
    async cleanup() {
      await factmark.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Wait until `check` returns a truthy value (polling), or fail after `ms`. */
export async function until<T>(check: () => Promise<T | undefined | null | false>, ms = 20_000, what = 'the condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const DOC = (sentences: string[]) => ({ type: 'doc' as const, content: sentences.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
