/** electron-builder's afterPack hook: flip the Electron fuses of resources/fuses.json in the packed app, before it is signed. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fuses, { type FuseV1Config } from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;
export const FUSES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'fuses.json');

/** What the hook uses of electron-builder's AfterPackContext. */
export interface PackedApp {
  electronPlatformName: string;
  packager: { addElectronFuses(context: never, fuses: FuseV1Config): Promise<unknown> };
}

/**
 * The fuses as @electron/fuses takes them, from resources/fuses.json (an unknown name or a
 * non-boolean is an error). A macOS binary gets its ad-hoc signature redone (arm64 will not run
 * with a broken one); the real signature comes after this hook.
 */
export function fuseConfig(platform: string = process.platform, file = FUSES_FILE): FuseV1Config {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const config: FuseV1Config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith('$')) continue;
    if (!(name in FuseV1Options) || typeof value !== 'boolean') throw new Error(`${file}: "${name}" is not a fuse name with a true/false value`);
    config[FuseV1Options[name as keyof typeof FuseV1Options]] = value;
  }
  return config;
}

/**
 * Flip the fuses through electron-builder's own packager, which finds the packed binary (the .app,
 * the .exe or the Linux executable); it runs after the app is packed and before it is signed.
 */
export async function afterPack(context: PackedApp): Promise<void> {
  await context.packager.addElectronFuses(context as never, fuseConfig(context.electronPlatformName));
}
