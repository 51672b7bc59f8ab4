/** prefs.json, the user's preferences: loaded on first use (with recovery), saved with a backup of the previous version. */
import { join } from 'node:path';
import type { BackupShelf } from './backup-shelf';
import { DurableJsonFile, type FileIo } from './durable-file';
import { loadStoreFile, type LoaderContext } from './file-loader';
import { DEFAULT_PREFS, PrefsFile, SCHEMA_VERSION, type PrefsData } from './files';
import { StoreFile } from './store-file';
import type { WritePolicy } from './write-policy';

/** The backup shelf's key for prefs.json. */
export const PREFS_KEY = 'prefs';

export class PrefsStore {
  private file: StoreFile<PrefsData> | null = null;

  constructor(
    private readonly loader: LoaderContext,
    private readonly policy: WritePolicy,
    private readonly shelf: BackupShelf | null,
    private readonly io: FileIo,
  ) {}

  async get(): Promise<PrefsData['prefs']> {
    return (await this.opened()).data.prefs;
  }

  /** Save the preferences; memory changes only once they are on disk. */
  async set(prefs: PrefsData['prefs']): Promise<void> {
    const file = await this.opened();
    this.policy.assertWritable();
    await file.replace(PrefsFile.parse({ schemaVersion: SCHEMA_VERSION, prefs }));
  }

  flush(): Promise<void> {
    return this.file?.flush() ?? Promise.resolve();
  }

  private async opened(): Promise<StoreFile<PrefsData>> {
    if (this.file) return this.file;
    const path = join(this.loader.dataDir, 'prefs.json');
    const loaded = await loadStoreFile(this.loader, path, 'prefs', PrefsFile, PREFS_KEY);
    const fallback: PrefsData = { schemaVersion: SCHEMA_VERSION, prefs: DEFAULT_PREFS };
    if (loaded.status === 'lost') this.loader.notices.add('Preferences were reset to their defaults');
    const data = loaded.status === 'ok' ? loaded.data : loaded.status === 'newer' ? (loaded.data ?? fallback) : fallback;
    if (loaded.status === 'newer') this.policy.refuseLibrary('prefs.json was written by a newer Factmark; update Factmark to change preferences');
    const shelf = this.shelf;
    const beforeReplace = shelf ? () => shelf.take(PREFS_KEY, path).then(() => undefined) : undefined;
    this.file ??= new StoreFile('prefs.json', new DurableJsonFile<PrefsData>(path, { beforeReplace, io: this.io }), data);
    return this.file;
  }
}
