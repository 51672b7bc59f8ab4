/**
 * `npm install` runs no download: every dependency with an install script is named in package.json's
 * allowScripts, and only esbuild's (which picks its platform binary from npm packages already
 * installed) may run; Electron's postinstall, which downloads its binary, is denied.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('npm install', () => {
  it('lets no install script run but esbuild’s, and denies Electron’s download', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { allowScripts: Record<string, boolean> };
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = [...new Set(Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([path]) => path.replace(/^.*node_modules\//, '')))];
    expect(withScripts).toContain('electron');
    for (const name of withScripts) expect(pkg.allowScripts[name], `${name} has an install script and is not named in allowScripts`).toBe(name === 'esbuild');
    expect(pkg.allowScripts.electron).toBe(false);
  });
});
