/** The team library's operations (src-shared/contract-sync.ts) called through the app's one client, typed from their schemas. */
import type { z } from 'zod';
import type { OperationName, RequestOf } from '../../src-shared/contract';
import type { syncContract } from '../../src-shared/contract-sync';
import type { FactmarkClient } from '../api/client';

type SyncContract = typeof syncContract;
export type SyncOperation = keyof SyncContract;
export type SyncRequest<N extends SyncOperation> = z.input<SyncContract[N]['request']>;
export type SyncResponse<N extends SyncOperation> = z.output<SyncContract[N]['response']>;

/** Call a team-library operation; its value, or the host's one-line error (an older host: "Unknown operation"). */
export function syncCall<N extends SyncOperation>(client: FactmarkClient, name: N, req: SyncRequest<N>): Promise<SyncResponse<N>> {
  return client.call(name as string as OperationName, req as RequestOf<OperationName>) as Promise<SyncResponse<N>>;
}
