/** Open a data folder for a host: services, dispatcher, first-run sample, and a flush for shutdown. */
import { join } from 'node:path';
import { createContext, type ServiceContext } from './context';
import { Dispatcher } from './dispatch';
import { createHandlers } from './handlers';
import { seedSamples } from './sample';

export interface Factmark {
  ctx: ServiceContext;
  dispatcher: Dispatcher;
  /** Ids of sample articles added because this was a new library. */
  seeded: string[];
  /** Wait for every pending write to reach the disk. */
  flush(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  resourcesDir: string;
  /** Add the bundled sample when the folder holds no library yet (default true). */
  seed?: boolean;
  clock?: () => Date;
  newId?: () => string;
}

export async function openFactmark(options: OpenOptions): Promise<Factmark> {
  const ctx = createContext(options.dataDir, options);
  const dispatcher = new Dispatcher(createHandlers(ctx));
  const isNew = await ctx.store.isNew();
  await ctx.store.index(); // creates the folder and index.json's defaults
  const seeded = isNew && options.seed !== false ? await seedSamples(dispatcher, join(options.resourcesDir, 'samples')) : [];
  return { ctx, dispatcher, seeded, flush: () => ctx.store.flush() };
}
