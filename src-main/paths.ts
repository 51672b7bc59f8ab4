/** Where things live: the shared default data folder and the bundled resources. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Factmark';

/** The per-user application-data folder, as Electron's app.getPath('appData') gives it. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/**
 * The data folder all three hosts share: FACTMARK_DATA_DIR, or <appData>/Factmark/library, which
 * is inside the desktop app's user-data folder (<appData>/Factmark).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FACTMARK_DATA_DIR) return resolve(env.FACTMARK_DATA_DIR);
  return join(appDataDir(env), APP_NAME, 'library');
}

/** The resources folder: next to the sources in a checkout, or as given (packaged app). */
export function resourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'samples', 'samples.json'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('resources');
}
