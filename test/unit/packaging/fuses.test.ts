/**
 * The packaging fuses: resources/fuses.json turns off RunAsNode, NODE_OPTIONS and --inspect, and
 * turns on the asar integrity fuses; the afterPack hook (scripts/after-pack.mjs) hands exactly that
 * to electron-builder's packager, which writes it into the packed binary's fuse wire.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fuses from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { afterPack, fuseConfig } from '../../../scripts/after-pack';
import { makeTempDir } from '../../support/temp-library';
import { fakeElectronBinary, fuseWire } from './fake-electron';

const { FuseV1Options, FuseVersion, flipFuses } = fuses;

describe('Electron fuses', () => {
  it('config turns off running as Node, NODE_OPTIONS, inspector arguments and file:// privileges, and turns on asar integrity', async () => {
    const config = JSON.parse(await readFile(resolve('resources/fuses.json'), 'utf8'));
    expect(config).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('the afterPack hook hands the whole config to electron-builder’s packager, for the packed app', async () => {
    const calls: unknown[][] = [];
    const context = { electronPlatformName: 'win32', packager: { addElectronFuses: async (...args: unknown[]) => void calls.push(args) } };
    await afterPack(context);
    expect(calls).toEqual([
      [
        context,
        {
          version: FuseVersion.V1,
          resetAdHocDarwinSignature: false,
          [FuseV1Options.RunAsNode]: false,
          [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
          [FuseV1Options.EnableNodeCliInspectArguments]: false,
          [FuseV1Options.EnableCookieEncryption]: true,
          [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
          [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
          [FuseV1Options.OnlyLoadAppFromAsar]: true,
        },
      ],
    ]);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('the config flips a binary’s fuse wire and leaves the rest of the binary alone', async () => {
    const binary = join(await makeTempDir('factmark-fuses-'), 'electron');
    await fakeElectronBinary(binary);
    const before = await readFile(binary);
    await flipFuses(binary, fuseConfig('linux'));
    expect(await fuseWire(binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, 4096)).toEqual(before.subarray(0, 4096));
  });

  it('refuses a fuses file with a name that is not a fuse', async () => {
    const file = join(await makeTempDir('factmark-fuses-'), 'fuses.json');
    await writeFile(file, JSON.stringify({ RunAsNode: false, RunAsNodee: false }));
    expect(() => fuseConfig('linux', file)).toThrow(/"RunAsNodee" is not a fuse name/);
  });
});
