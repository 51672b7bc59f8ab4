/**
 * The process boundary's one helper for callers: a CallResult (what every host and transport
 * answers) into its value, or a FactmarkError with the host's code and one-line message. The
 * renderer's client uses it; the CLI and test support can call it instead of unwrapping by hand.
 */
import { FactmarkError, type CallResult, type ErrorCode } from './contract';

/** The value of a successful call; throws FactmarkError(code, message) for a failed one. */
export function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new FactmarkError(result.error.code, result.error.message);
}

/** The error code of a failed call (a FactmarkError), or null for any other error. */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof FactmarkError ? error.code : null;
}

/** What to tell the user about a failure: the host's one-line message, or the error's own. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
