/**
 * Test helper: a team of two — a real pouchdb-server with the team database and two libraries
 * (two data folders, like two machines) — made before a test file's tests and removed after them,
 * with the connection request both libraries use.
 */
import { afterAll, beforeAll } from 'vitest';
import type { SyncSettingsRecord, SyncStatusRecord } from '../../src-shared/contract-sync';
import { resumeSync } from '../../src-main/sync';
import { openSyncLibrary, type SyncLibrary } from './sync-library';
import { RESOURCES_DIR } from './temp-library';
import { ADMIN, startTeamServer, type TeamServer } from './team-server';

export interface TeamOfTwo {
  server: TeamServer;
  a: SyncLibrary;
  b: SyncLibrary;
  /** The sync.connect request for the team database (as the server's admin). */
  settings(): SyncSettingsRecord & { password: string };
  /** Connect a library to the team database. */
  connect(lib: SyncLibrary): Promise<SyncStatusRecord>;
}

export const TEAM_DB = 'team';

/**
 * Register the team's set-up and removal in the calling test file (beforeAll / afterAll); the
 * returned object is filled in before its tests run. `seed`: the libraries hold the bundled sample
 * and know it as such (as the hosts do); `onDisk`: the server keeps its data across a kill.
 */
export function teamOfTwo(machines: [string, string], options: { onDisk?: boolean; seed?: boolean } = {}): TeamOfTwo {
  const team = {
    settings: () => ({ server: team.server.url, db: TEAM_DB, user: ADMIN.user, password: ADMIN.password }),
    connect: (lib: SyncLibrary) => lib.call('sync.connect', team.settings()),
  } as TeamOfTwo;
  beforeAll(async () => {
    team.server = await startTeamServer({ onDisk: options.onDisk });
    await team.server.createDb(TEAM_DB);
    team.a = await openSyncLibrary(machines[0], { seed: options.seed });
    team.b = await openSyncLibrary(machines[1], { seed: options.seed });
    if (options.seed) for (const lib of [team.a, team.b]) await resumeSync(lib.factmark.ctx, { resourcesDir: RESOURCES_DIR });
  }, 60_000);
  afterAll(async () => {
    await team.a?.cleanup();
    await team.b?.cleanup();
    await team.server?.stop();
  });
  return team;
}
