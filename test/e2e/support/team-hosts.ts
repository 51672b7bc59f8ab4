/**
 * Test helper for the team-library E2E files: a real pouchdb-server with one team database, two
 * browser hosts on two data folders (like two machines) and one Chromium — made before a file's
 * tests and removed after them — with the admin's sync.connect request for that database.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startWebHost, type WebHost } from './web-host';
import { ADMIN, startTeamServer, type TeamServer } from '../../support/team-server';

/** Replication between two hosts through the server: generous, since the machine is shared. */
export const SYNCED = { timeout: 45_000, interval: 200 };

export interface TeamHosts {
  server: TeamServer;
  a: WebHost;
  b: WebHost;
  browser: Browser;
  /** The sync.connect request for the team database (as the server's admin). */
  settings(): { server: string; db: string; user: string; password: string };
}

/** Register the set-up and removal in the calling describe block; the object is filled in before its tests run. */
export function teamHosts(db: string, chromiumPath: string): TeamHosts {
  const team = {
    settings: () => ({ server: team.server.url, db, user: ADMIN.user, password: ADMIN.password }),
  } as TeamHosts;
  beforeAll(async () => {
    team.server = await startTeamServer();
    await team.server.createDb(db);
    [team.a, team.b] = await Promise.all([startWebHost(), startWebHost()]);
    team.browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await team.browser?.close();
    await Promise.all([team.a?.stop(), team.b?.stop()]);
    await team.server?.stop();
  });
  return team;
}
