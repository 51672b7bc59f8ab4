/**
 * The installer configuration (electron-builder.js): valid by electron-builder's own schema, and a
 * real packaging run (its "dir" target, no download: a stand-in Electron binary given as
 * electronDist) packs every file the app loads into app.asar, and nothing of the sources.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import builderConfig from '../../../electron-builder';
import { afterPack } from '../../../scripts/after-pack';
import { makeTempDir } from '../../support/temp-library';
import { fakeElectronBinary, fuseWire } from './fake-electron';

const require = createRequire(import.meta.url);
/** electron-builder's own configuration check (its JSON schema and deprecations), as its build runs it first. */
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };
const pkg = require('../../../package.json') as { name: string; version: string; description: string; main: string };
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

/** What the packaged app opens at run time (src-main/electron/main.ts and the services), relative to the app root. */
async function filesTheAppNeeds(): Promise<string[]> {
  const samples = (await readdir(resolve('resources/samples'))).map((name) => `resources/samples/${name}`);
  const models = (await readdir(resolve('resources/models'))).map((name) => `resources/models/${name}`);
  return [pkg.main.replace(/^\.\//, ''), 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js', ...samples, ...models, 'resources/icons/icon.png'];
}

/** A project laid out like this checkout after `electron-vite build`: package.json, out/ (stand-in bundles) and the real resources. */
async function builtProject(): Promise<string> {
  const dir = await makeTempDir('factmark-dist-');
  const { name, version, description, main } = pkg;
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version, description, main, author: 'Factmark', type: 'module' }));
  for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js']) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), `// ${file}\n`);
  }
  await cp(resolve('resources'), join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'src-main'));
  await writeFile(join(dir, 'src-main', 'main.ts'), 'source, not for the package');
  return dir;
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(builderConfig, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...builderConfig, linux: { ...builderConfig.linux, targets: 'AppImage' } }, quietLogger)).rejects.toThrow(/configuration\.linux/);
  });

  it('builds an AppImage and a .deb, a .dmg and an NSIS installer, with the icon and the fuse hook', async () => {
    expect(builderConfig.linux.target).toEqual(['AppImage', 'deb']);
    expect(builderConfig.mac.target).toEqual(['dmg']);
    expect(builderConfig.win.target).toEqual(['nsis']);
    expect((await readFile(resolve(builderConfig.icon))).subarray(1, 4).toString()).toBe('PNG');
    expect(builderConfig.afterPack).toBe(afterPack);
  });

  it('packs every file the app needs into app.asar, flips the fuses, and leaves the sources out', async () => {
    const project = await builtProject();
    const electronDist = await makeTempDir('factmark-electron-dist-');
    await fakeElectronBinary(join(electronDist, 'electron'));
    await writeFile(join(electronDist, 'version'), ELECTRON_VERSION);
    const output = join(project, 'dist');
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { ...builderConfig, electronDist, electronVersion: ELECTRON_VERSION, directories: { ...builderConfig.directories, output } },
    });
    const appDir = join(output, 'linux-unpacked');
    const asar = join(appDir, 'resources', 'app.asar');
    const packed = listPackage(asar, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
    for (const file of await filesTheAppNeeds()) expect(packed, file).toContain(file);
    expect(packed.filter((entry) => entry.startsWith('src-main'))).toEqual([]);
    expect(JSON.parse(extractFile(asar, 'package.json').toString()).main).toBe(pkg.main);
    expect(await fuseWire(join(appDir, 'factmark'))).toMatchObject({ RunAsNode: false, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true, GrantFileProtocolExtraPrivileges: false });
  }, 180_000);
});
