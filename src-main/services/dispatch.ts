/** Validate a call against the contract, run its handler, and turn any failure into a CallResult. */
import { z } from 'zod';
import {
  contract,
  describeZodError,
  FactmarkError,
  isOperationName,
  type CallResult,
  type ErrorCode,
} from '../../src-shared/contract';
import type { ServiceContext } from './context';
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

/**
 * An error message as one line, whatever input it quotes: control characters (a newline, a tab, a
 * terminal escape) and line separators become single spaces.
 */
export function oneLineMessage(message: string): string {
  return message.replace(/[ ]*[\u0000-\u001f\u007f-\u009f\u2028\u2029][\s\u0000-\u001f\u007f-\u009f]*/g, ' ').trim();
}

/** The deepest nesting of arrays and objects a request may have (a stored document nests far less). */
export const MAX_REQUEST_DEPTH = 512;

/** True when `value` nests arrays and objects deeper than `max` (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  while (stack.length) {
    const { item, depth } = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push({ item: child, depth: depth + 1 });
  }
  return false;
}

function failure(code: ErrorCode, message: string): CallResult<never> {
  return { ok: false, error: { code, message: oneLineMessage(message) } };
}

/**
 * Operations that do slow work (fetching, parsing, rendering, printing) outside the library's
 * write queue, so a 10-second URL fetch or a PDF never holds up a claim save. Each one either only
 * reads, or takes ServiceContext.exclusive itself for its final write.
 */
const OUTSIDE_THE_QUEUE: ReadonlySet<string> = new Set(['import.file', 'import.url', 'import.paste', 'export.formats', 'export.article', 'export.library', 'sync.status', 'sync.connect', 'sync.disconnect', 'sync.now', 'sync.changes']);

/** Runs calls; every other operation's read-modify-write is serialised through `exclusive`. */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly exclusive: ServiceContext['exclusive'],
  ) {}

  call(name: unknown, payload: unknown): Promise<CallResult<unknown>> {
    if (typeof name === 'string' && OUTSIDE_THE_QUEUE.has(name)) return this.run(name, payload);
    return this.exclusive(() => this.run(name, payload));
  }

  private async run(name: unknown, payload: unknown): Promise<CallResult<unknown>> {
    if (!isOperationName(name)) {
      const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `a value of type ${name === null ? 'null' : typeof name}`;
      return failure('invalid-request', `Unknown operation: ${shown}`);
    }
    if (nestedDeeperThan(payload, MAX_REQUEST_DEPTH)) {
      return failure('invalid-request', `${name}: the request nests deeper than ${MAX_REQUEST_DEPTH} levels`);
    }
    const parsed = contract[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return failure('invalid-request', `${name}: ${describeZodError(parsed.error)}`);
    }
    try {
      const handler = this.handlers[name] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(withoutUndefined(parsed.data)) };
    } catch (error) {
      if (error instanceof FactmarkError) return failure(error.code, error.message);
      if (error instanceof z.ZodError) return failure('internal', `${name} failed: ${describeZodError(error)}`);
      const message = error instanceof Error ? error.message : String(error);
      return failure('internal', `${name} failed: ${message.split('\n')[0]}`);
    }
  }
}
