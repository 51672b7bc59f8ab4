/**
 * `sync`: replicate the library with its team database once (and print what moved), keep
 * replicating with --watch until Ctrl+C, or print the state with --status. The password comes from
 * FACTMARK_SYNC_PASSWORD or the data folder's 0600 file sync-password, never from the command line.
 */
import { FactmarkError } from '../../src-shared/contract';
import { SyncSettings, type SyncStatusRecord } from '../../src-shared/contract-sync';
import { describeZodError } from '../../src-shared/contract';
import { resourcesDir } from '../paths';
import { configureSync, sampleHashes, syncService } from '../sync';
import { readSyncSettings } from '../sync/settings';
import { UsageError, type Command, type CommandContext } from './command';

function describeStatus(status: SyncStatusRecord): string {
  if (!status.settings) return 'Not in a team: run sync --server URL --db NAME --user NAME';
  const parts = [`${status.state} — ${status.settings.db} on ${status.settings.server} as ${status.settings.user}`, `${status.pending} unsent`, `${status.conflicts} conflicted claim(s)`];
  if (status.readOnly) parts.push('read-only (the server refuses our changes)');
  if (status.rejected.length) parts.push(`${status.rejected.length} change(s) refused by the server, kept here`);
  parts.push(status.lastSyncedAt ? `last synced ${status.lastSyncedAt}` : 'never synced');
  if (status.error) parts.push(`error: ${status.error}`);
  return parts.join('; ');
}

/** The settings the options give (missing ones from the saved settings); null when neither says. */
async function settingsFrom(ctx: CommandContext) {
  const saved = await readSyncSettings(ctx.factmark.ctx.store.dataDir);
  const given = { server: ctx.values.server, db: ctx.values.db, user: ctx.values.user };
  if (given.server === undefined && given.db === undefined && given.user === undefined) return { settings: saved, changed: false };
  const merged = { ...saved, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const parsed = SyncSettings.safeParse(merged);
  if (!parsed.success) {
    const missing = (['server', 'db', 'user'] as const).filter((k) => !(merged as Record<string, unknown>)[k]);
    throw missing.length ? new UsageError(`give --${missing.join(', --')} as well`) : new FactmarkError('invalid-input', describeZodError(parsed.error));
  }
  return { settings: parsed.data, changed: true };
}

export const syncCommand: Command = {
  words: ['sync'],
  usage: 'sync [--server URL --db NAME --user NAME] [--watch | --status]',
  summary: 'Replicate the library with its team database (password: FACTMARK_SYNC_PASSWORD or the 0600 file sync-password)',
  writes: (values) => values.status !== true,
  options: { server: { type: 'string' }, db: { type: 'string' }, user: { type: 'string' }, watch: { type: 'boolean' }, status: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.values.watch && ctx.values.status) throw new UsageError('give --watch or --status, not both');
    const sync = syncService(ctx.factmark.ctx);
    if (ctx.values.status) {
      const status = await sync.status();
      if (!ctx.json) ctx.print(describeStatus(status));
      return status;
    }
    configureSync(ctx.factmark.ctx, { sampleHashes: await sampleHashes(resourcesDir()) });
    const { settings, changed } = await settingsFrom(ctx);
    if (!settings) throw new UsageError('this library is not in a team yet: give --server URL --db NAME --user NAME');
    const live = ctx.values.watch === true;
    if (changed) await sync.connect(settings, undefined, { live });
    else {
      await sync.resume({ live });
      const status = await sync.status();
      if (status.error) throw new FactmarkError('invalid-input', status.error);
    }
    if (live) return watch(ctx, sync);
    const { moved, ...status } = await sync.now();
    if (!ctx.json) {
      ctx.print(`Pushed ${moved?.pushed ?? 0} document(s), pulled ${moved?.pulled ?? 0}${moved?.refused ? `, ${moved.refused} refused by the server (kept here)` : ''}.`);
      ctx.print(describeStatus(status));
    }
    return { ...status, moved };
  },
};

/** Keep replicating, printing each change of state, until SIGINT or SIGTERM. */
async function watch(ctx: CommandContext, sync: ReturnType<typeof syncService>): Promise<SyncStatusRecord> {
  let last = '';
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  ctx.print('Syncing; press Ctrl+C to stop.');
  const timer = setInterval(() => {
    void sync.status().then((status) => {
      const line = describeStatus(status);
      if (line !== last) ctx.print((last = line));
    });
  }, 1_000);
  await stopped;
  clearInterval(timer);
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  const status = await sync.status();
  await sync.stop();
  return status;
}
