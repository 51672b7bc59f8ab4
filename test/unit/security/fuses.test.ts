/**
 * The packaging fuses: resources/fuses.json turns off RunAsNode, NODE_OPTIONS and --inspect, and
 * scripts/flip-fuses.mjs writes them into a binary's fuse wire. The binary here is a stand-in with
 * an Electron fuse sentinel and wire (no Electron binary is downloaded on this machine).
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-library';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/** A file laid out like an Electron binary around its fuse wire: 8 fuses, all enabled (Electron's defaults differ; all-on shows each flip). */
async function fakeElectron(): Promise<string> {
  const file = join(await makeTempDir('factmark-fuses-'), 'electron');
  await writeFile(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, ENABLE), Buffer.alloc(1024, 9)]));
  return file;
}

describe('Electron fuses', () => {
  it('config turns off running as Node, NODE_OPTIONS and inspector arguments', async () => {
    const config = JSON.parse(await readFile(resolve('resources/fuses.json'), 'utf8'));
    expect(config).toMatchObject({ RunAsNode: false, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false });
  });

  it('flip-fuses writes the config into the fuse wire and leaves the rest of the binary alone', async () => {
    const binary = await fakeElectron();
    const before = await readFile(binary);
    const run = spawnSync(process.execPath, [resolve('scripts/flip-fuses.mjs'), binary], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ RunAsNode: false, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false, EnableCookieEncryption: true });
    const after = await readFile(binary);
    const wireAt = after.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect([...after.subarray(wireAt, wireAt + 4)]).toEqual([DISABLE, ENABLE, DISABLE, DISABLE]);
    expect(after.subarray(0, wireAt)).toEqual(before.subarray(0, wireAt));
    expect(after.subarray(wireAt + 8)).toEqual(before.subarray(wireAt + 8));
  });

  it('refuses a file that is not an Electron binary', async () => {
    const file = join(await makeTempDir('factmark-fuses-'), 'not-electron');
    await writeFile(file, 'just text');
    const run = spawnSync(process.execPath, [resolve('scripts/flip-fuses.mjs'), file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^flip-fuses: Could not find sentinel/);
    expect(await readFile(file, 'utf8')).toBe('just text');
  });
});
