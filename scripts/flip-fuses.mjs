// Flip Electron fuses in a packaged app per resources/fuses.json: `node scripts/flip-fuses.mjs <Electron binary or .app>`.
// Run it on the packaged output (e.g. from an electron-builder afterPack hook via applyFuses); it prints the resulting fuse wire.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fuses from '@electron/fuses';

const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } = fuses;
const CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'fuses.json');

/** The fuses config as @electron/fuses takes it, from resources/fuses.json (unknown names are an error). */
export function fuseConfig(file = CONFIG) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith('$')) continue;
    if (!(name in FuseV1Options) || typeof value !== 'boolean') throw new Error(`${file}: "${name}" is not a fuse name with a true/false value`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

/** Flip the fuses of the Electron binary (or .app) at `path`; returns its fuse wire by fuse name afterwards. */
export async function applyFuses(path, file = CONFIG) {
  await flipFuses(path, fuseConfig(file));
  const wire = await getCurrentFuseWire(path);
  const states = { 48: false, 49: true };
  return Object.fromEntries(Object.keys(wire).filter((k) => k !== 'version').map((i) => [FuseV1Options[i] ?? `fuse${i}`, states[wire[i]] ?? 'removed']));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/flip-fuses.mjs <packaged Electron binary or .app>');
    process.exit(2);
  }
  applyFuses(resolve(target)).then(
    (states) => console.log(JSON.stringify(states, null, 2)),
    (error) => {
      console.error(`flip-fuses: ${error.message}`);
      process.exit(1);
    },
  );
}
