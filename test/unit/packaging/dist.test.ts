/** `npm run dist`'s one-line outcome when packaging fails, from electron-builder's real output. */
import { describe, expect, it } from 'vitest';
import { failureLine } from '../../../scripts/dist';

/** What electron-builder 26 printed on this machine, where Electron's release cannot be downloaded. */
const BLOCKED = `  • packaging       platform=linux arch=x64 electron=40.8.5 appOutDir=dist/linux-unpacked
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/app/node_modules/got/dist/source/core/index.js:970:111)
    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)`;

describe('npm run dist', () => {
  it('says in one line that the download is blocked', () => {
    const line = failureLine(BLOCKED);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^factmark dist: no installer made: Electron or a packaging tool could not be downloaded \(getaddrinfo ENOTFOUND github\.com\)/);
    expect(failureLine('  ⨯ Get "https://example.invalid/appimage.7z": dial tcp: lookup example.invalid: i/o timeout ETIMEDOUT')).toMatch(/could not be downloaded/);
    expect(failureLine('  ⨯ cannot download "x", status 403: Response code 403 (Forbidden)')).toMatch(/could not be downloaded/);
  });

  it('reports any other failure as a packaging failure with its message', () => {
    const line = failureLine('  ⨯ Application entry file "out/main/index.js" in the "app.asar" does not exist.  failedTask=build');
    expect(line).toMatch(/^factmark dist: packaging failed: Application entry file "out\/main\/index\.js" in the "app\.asar" does not exist\. \(full log: .*build\.log\)$/);
  });
});
