/** The one client the UI calls: typed from the contract, independent of the host it runs in. */
import type { CallResult, ErrorCode, OperationName, RequestOf, ResponseOf } from '../../src-shared/contract';

/** Carries one call to the host and brings back its result. */
export interface Transport {
  invoke(name: OperationName, payload: unknown): Promise<CallResult<unknown>>;
}

/** A failed call, with the host's code and one-line message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What to tell the user about a failure: the host's one-line message, or the error's own. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class FactmarkClient {
  constructor(private readonly transport: Transport) {}

  async call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
    const result = await this.transport.invoke(name, req);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message);
    return result.value as ResponseOf<N>;
  }
}
