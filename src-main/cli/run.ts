/** The CLI runner: parse global options, pick the command, open the library, print, exit code. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../src-shared/contract';
import { unwrap } from '../../src-shared/call';
import { defaultDataDir, resourcesDir } from '../paths';
import { openFactmark } from '../services/factmark';
import { UsageError, type Command } from './command';
import { COMMANDS } from './commands';
import { forTerminal, terminalSafeJson } from './terminal-text';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function helpText(): string {
  const lines = ['Usage: npm run cli -- <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}\n      ${c.summary}`);
  lines.push('', 'Every command takes --data-dir DIR (default: FACTMARK_DATA_DIR or the app’s data folder) and --json.');
  return lines.join('\n');
}

function findCommand(positionals: string[]): Command | undefined {
  return COMMANDS.find((c) => c.words.every((word, i) => positionals[i] === word));
}

/** Run one CLI invocation; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const { positionals: leading } = parseArgs({ args: argv, options: GLOBAL_OPTIONS, strict: false, allowPositionals: true });
  const command = findCommand(leading);
  if (!command) {
    if (leading.length === 0 || argv.includes('--help') || argv.includes('-h') || leading[0] === 'help') {
      io.out(helpText());
      return leading.length === 0 ? 2 : 0;
    }
    io.err(`factmark: unknown command "${leading.join(' ')}"; run with --help to list commands`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`factmark: ${(error as Error).message.split('\n')[0]}\nusage: npm run cli -- ${command.usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  if (values.help) {
    io.out(`usage: npm run cli -- ${command.usage}\n${command.summary}`);
    return 0;
  }
  const dataDir = typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : defaultDataDir(io.env);
  try {
    // Read-only commands take no lock, so they work while the app has the library open; a first run writes (it seeds the sample).
    const writes = typeof command.writes === 'function' ? command.writes(values) : command.writes;
    const access = writes || !existsSync(join(dataDir, 'index.json')) ? 'write' : 'read';
    const factmark = await openFactmark({ dataDir, resourcesDir: resourcesDir(), access });
    let succeeded = false;
    try {
      const result = await command.run({
        factmark,
        values: values as Record<string, string | boolean | string[] | undefined>,
        positionals: positionals.slice(command.words.length),
        json,
        // Every human-readable line shows control and bidirectional characters visibly.
        print: (line) => io.out(forTerminal(line)),
        async call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
          return unwrap(await factmark.dispatcher.call(name, req)) as ResponseOf<N>;
        },
      });
      if (json) io.out(terminalSafeJson(JSON.stringify(result, null, 2)));
      succeeded = true;
    } finally {
      // A failed command leaves the folder as it was: not even the search index is written.
      await factmark.close({ persistIndex: succeeded });
      for (const notice of factmark.ctx.store.notices()) io.err(`factmark: notice: ${forTerminal(notice.message)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`factmark: ${error.message}\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.err(terminalSafeJson(JSON.stringify({ error: { code: error instanceof FactmarkError ? error.code : 'internal', message } })));
    else io.err(`factmark: ${forTerminal(message.split('\n')[0])}`);
    return 1;
  }
}
