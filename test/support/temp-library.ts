/** Test helper: a Factmark library in a fresh temp folder, with a fixed clock and counting ids. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OperationName, RequestOf, ResponseOf } from '../../src-shared/contract';
import { unwrap } from '../../src-shared/call';
import { openFactmark, type Factmark, type OpenOptions } from '../../src-main/services/factmark';

export const RESOURCES_DIR = resolve('resources');

export interface TempLibrary {
  dir: string;
  factmark: Factmark;
  /** Call an operation; throws FactmarkError when it fails. */
  call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>>;
  /** Advance the fixed clock by ms. */
  tick(ms?: number): void;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = 'factmark-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function openTempLibrary(options: { seed?: boolean; dir?: string; conversions?: OpenOptions['conversions'] } = {}): Promise<TempLibrary> {
  const dir = options.dir ?? (await makeTempDir());
  let now = Date.parse('2026-01-15T10:00:00.000Z');
  let counter = 0;
  const factmark = await openFactmark({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    seed: options.seed ?? false,
    clock: () => new Date(now),
    newId: () => `id${String(++counter).padStart(4, '0')}`,
    conversions: options.conversions,
  });
  return {
    dir,
    factmark,
    async call(name, req) {
      return unwrap(await factmark.dispatcher.call(name, req)) as never;
    },
    tick(ms = 1000) {
      now += ms;
    },
    async cleanup() {
      await factmark.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
