/** Test helper: a stand-in Electron binary (an Electron fuse sentinel and wire amid filler bytes; no Electron is downloaded here) and a reader for its fuses. */
import { writeFile, chmod } from 'node:fs/promises';
import fuses from '@electron/fuses';

const { getCurrentFuseWire, FuseV1Options } = fuses;

/** The marker Electron puts before its fuse wire. */
export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's eight V1 fuses at their release defaults (RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off). */
const WIRE = Buffer.from('10110001', 'latin1');

export async function fakeElectronBinary(file: string): Promise<void> {
  await writeFile(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, WIRE.length]), WIRE, Buffer.alloc(1024, 9)]));
  await chmod(file, 0o755);
}

/** The fuse wire of a (stand-in) binary, by fuse name: true on, false off. */
export async function fuseWire(file: string): Promise<Record<string, boolean>> {
  const wire = await getCurrentFuseWire(file);
  return Object.fromEntries(
    Object.entries(wire)
      .filter(([index]) => index !== 'version')
      .map(([index, state]) => [FuseV1Options[Number(index)] ?? `fuse${index}`, state === 49]),
  );
}
