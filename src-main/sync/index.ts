/**
 * The team library of an open library: one SyncService per service context (made on first use,
 * like the claim index), its contract handlers, and start/stop for the hosts. A host may give its
 * own SecretStore (the desktop app's safeStorage) before the service is first used.
 */
import { join } from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../src-shared/contract';
import { docText } from '../../src-shared/text';
import type { ServiceContext } from '../services/context';
import { hashText, parseDoc } from '../services/documents';
import { readSamples } from '../services/sample';
import { resolveConflict } from './resolve';
import { envOrFileSecrets, type SecretStore } from './secrets';
import { SyncService } from './service';

const services = new WeakMap<ServiceContext, SyncService>();
const configured = new WeakMap<ServiceContext, { secrets?: SecretStore; sampleHashes?: ReadonlySet<string> }>();

/** Give a library's sync service its host's password store and the bundled samples (before first use). */
export function configureSync(ctx: ServiceContext, options: { secrets?: SecretStore; sampleHashes?: ReadonlySet<string> }): void {
  configured.set(ctx, { ...configured.get(ctx), ...options });
  services.get(ctx)?.configure(options);
}

/** The text hashes of the bundled sample articles (resources/samples), as first run imports them. */
export async function sampleHashes(resourcesDir: string): Promise<Set<string>> {
  const hashes = new Set<string>();
  try {
    for (const { doc } of await readSamples(join(resourcesDir, 'samples'))) hashes.add(hashText(docText(parseDoc(doc))));
  } catch {
    // no samples bundled: nothing to keep local
  }
  return hashes;
}

export function syncService(ctx: ServiceContext): SyncService {
  let service = services.get(ctx);
  if (!service) {
    const options = configured.get(ctx) ?? {};
    service = new SyncService(ctx, {
      secrets: options.secrets ?? envOrFileSecrets(ctx.store.dataDir),
      sampleHashes: options.sampleHashes,
      notice: (message) => ctx.store.addNotice(message),
    });
    services.set(ctx, service);
  }
  return service;
}

/** Configure a library's sync for its host and resume it if the library is in a team (never throws). */
export async function resumeSync(ctx: ServiceContext, options: { resourcesDir: string; secrets?: SecretStore }): Promise<void> {
  configureSync(ctx, { sampleHashes: await sampleHashes(options.resourcesDir), ...(options.secrets ? { secrets: options.secrets } : {}) });
  await syncService(ctx).resume();
}

/** Stop a library's sync, if it was started (the host is closing the library). */
export async function stopSync(ctx: ServiceContext): Promise<void> {
  await services.get(ctx)?.stop();
}

export type SyncHandlers = {
  [N in 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.now' | 'sync.changes' | 'claims.resolveConflict']: (req: ParsedRequestOf<N>) => Promise<ResponseOf<N>>;
};

export function createSyncHandlers(ctx: ServiceContext): SyncHandlers {
  const sync = () => syncService(ctx);
  return {
    'sync.status': () => sync().status(),
    'sync.connect': ({ password, ...settings }) => sync().connect(settings, password),
    'sync.disconnect': () => sync().disconnect(),
    'sync.now': async () => {
      const { moved: _moved, ...status } = await sync().now();
      return status;
    },
    'sync.changes': async ({ sinceSeq }) => sync().changes(sinceSeq),
    'claims.resolveConflict': (req) => resolveConflict(ctx, sync(), req),
  };
}
