/** What a CLI command is: its words, usage, options, and a run function over the open library. */
import type { ParseArgsConfig } from 'node:util';
import type { OperationName, RequestOf, ResponseOf } from '../../src-shared/contract';
import { FactmarkError } from '../../src-shared/contract';
import type { Factmark } from '../services/factmark';

export interface CommandContext {
  factmark: Factmark;
  /** Option values and positionals after the command words. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  print(line: string): void;
  /** Call a contract operation through the dispatcher; throws FactmarkError on failure. */
  call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>>;
}

export interface Command {
  /** The words that select it, e.g. ['claim', 'add']. */
  words: string[];
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** Whether the command changes the library (it then needs the write lock); may depend on its options. */
  writes: boolean | ((values: Record<string, unknown>) => boolean);
  run(ctx: CommandContext): Promise<unknown>;
}

/** A usage error: wrong arguments (exit code 2). */
export class UsageError extends Error {}

export function requirePositional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index];
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

/** Find an article by id or by a unique, case-insensitive title prefix. */
export async function resolveArticle(ctx: CommandContext, ref: string): Promise<string> {
  const rows = await ctx.call('library.list', {});
  const byId = rows.find((row) => row.id === ref);
  if (byId) return byId.id;
  const prefix = ref.trim().toLowerCase();
  const matches = rows.filter((row) => row.title.toLowerCase().startsWith(prefix));
  if (matches.length === 1) return matches[0].id;
  if (matches.length === 0) throw new FactmarkError('not-found', `No article with id or title starting "${ref}"`);
  throw new FactmarkError('invalid-input', `"${ref}" matches ${matches.length} articles; use more of the title or the id (${matches.map((m) => m.id).join(', ')})`);
}

/** The label of the first argument of commands that name an article. */
export const ARTICLE_ARGUMENT = 'article (id or title prefix)';

/** The article the first argument names (by id or title prefix). */
export function articleArgument(ctx: CommandContext): Promise<string> {
  return resolveArticle(ctx, requirePositional(ctx, 0, ARTICLE_ARGUMENT));
}
