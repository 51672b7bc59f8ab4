/**
 * Test helper: the PouchDB databases a sync test or benchmark opens itself — a team server's
 * database through PouchDB's HTTP adapter (as the server's admin), a LevelDB one on disk — kept
 * so they can all be closed together afterwards.
 */
import { join } from 'node:path';
import { pouchdb, type PouchDatabase } from '../../src-main/sync/pouch';
import { makeTempDir } from './temp-library';
import { ADMIN, type TeamServer } from './team-server';

export class PouchDatabases {
  private readonly opened: PouchDatabase[] = [];

  /** The server's database `name`, created first unless `create` is false. */
  async remote(server: TeamServer, name: string, options: { create?: boolean } = {}): Promise<PouchDatabase> {
    if (options.create !== false) await server.createDb(name);
    const PouchDB = await pouchdb();
    return this.keep(new PouchDB(`${server.url}/${name}`, { skip_setup: true, auth: { username: ADMIN.user, password: ADMIN.password } }));
  }

  /** A LevelDB database at `path`, or in a new temp folder. */
  async local(path?: string): Promise<PouchDatabase> {
    const PouchDB = await pouchdb();
    return this.keep(new PouchDB(path ?? join(await makeTempDir('factmark-pouch-'), 'db')));
  }

  /** Close every database opened here (one closed already is passed over). */
  async closeAll(): Promise<void> {
    for (const db of this.opened.splice(0)) await db.close().catch(() => undefined);
  }

  private keep(db: PouchDatabase): PouchDatabase {
    this.opened.push(db);
    return db;
  }
}
