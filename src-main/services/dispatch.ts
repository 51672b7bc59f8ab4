/** Validate a call against the contract, run its handler, and turn any failure into a CallResult. */
import { z } from 'zod';
import {
  contract,
  describeZodError,
  FactmarkError,
  isOperationName,
  type CallResult,
} from '../../src-shared/contract';
import type { Handlers } from './handlers';

/**
 * A parsed request with undefined-valued keys removed, so `{note: undefined}` (which IPC's
 * structured clone can carry, JSON cannot) means the same as leaving `note` out in both hosts.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
  return out as T;
}

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
      return { ok: true, value: await handler(withoutUndefined(parsed.data)) };
    } catch (error) {
      if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof z.ZodError) return { ok: false, error: { code: 'internal', message: `${name} failed: ${describeZodError(error)}` } };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${message.split('\n')[0]}` } };
    }
  }
}
