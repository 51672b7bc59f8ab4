/** Validate a call against the contract, run its handler, and turn any failure into a CallResult. */
import {
  contract,
  describeZodError,
  FactmarkError,
  isOperationName,
  type CallResult,
} from '../../src-shared/contract';
import type { Handlers } from './handlers';

/** Serialises calls so one operation's read-modify-write never interleaves with another's. */
export class Dispatcher {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly handlers: Handlers) {}

  call(name: unknown, payload: unknown): Promise<CallResult<unknown>> {
    const run = this.queue.then(() => this.run(name, payload));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(name: unknown, payload: unknown): Promise<CallResult<unknown>> {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'invalid-request', message: `Unknown operation: ${String(name).slice(0, 80)}` } };
    }
    const parsed = contract[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-request', message: `${name}: ${describeZodError(parsed.error)}` } };
    }
    try {
      const handler = this.handlers[name] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${message.split('\n')[0]}` } };
    }
  }
}
