/** `npm run web`: open the data folder and serve Factmark to a browser on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, resourcesDir } from '../paths';
import { PRELOAD_AFTER_MS } from '../search/library-index';
import { openFactmark } from '../services/factmark';
import { startWebServer } from './server';
import { resumeSync } from '../sync';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir();
  const staticDir = resolve('out', 'web');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build:web` first');
  const port = Number(values.port ?? process.env.FACTMARK_PORT ?? 5178);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${values.port}`);
  const factmark = await openFactmark({ dataDir, resourcesDir: resourcesDir(), preloadIndexAfterMs: PRELOAD_AFTER_MS });
  // A library in a team resumes syncing in the background (password: FACTMARK_SYNC_PASSWORD or the 0600 file sync-password).
  void resumeSync(factmark.ctx, { resourcesDir: resourcesDir() });
  const server = await startWebServer({ dispatcher: factmark.dispatcher, staticDir, port });
  console.log(`Factmark data folder: ${dataDir}`);
  console.log(`Factmark is running. Open this URL in your browser:\n${server.openUrl}`);
  for (const notice of factmark.ctx.store.notices()) console.error(`factmark web: notice: ${notice.message}`);
  const stop = async () => {
    await factmark.close(); // flushes and gives up the data folder's write lock
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  const message = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'That port is in use; pass --port N (0 picks a free one)' : error.message;
  console.error(`factmark web: ${message}`);
  process.exit(1);
});
