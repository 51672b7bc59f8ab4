/** The CLI import command: `import <file>` (.txt, .md, .html, .htm, .docx, .pdf) or `import --url URL`. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FactmarkError, type ResponseOf } from '../../src-shared/contract';
import { UsageError, type Command, type CommandContext } from './command';

/** Read a file for import; a missing or unreadable file is a one-line invalid-input error. */
async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new FactmarkError('invalid-input', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** One line saying what an import did. */
export function describeImport(result: ResponseOf<'import.file'>): string {
  const { article, duplicate } = result;
  if (duplicate) return `Already in the library: "${article.title}" (${article.id}); nothing imported`;
  const version = article.previousVersionId ? ` (a new version of ${article.previousVersionId})` : '';
  return `Imported "${article.title}" as ${article.id}${version}`;
}

async function runImport(ctx: CommandContext): Promise<ResponseOf<'import.file'>> {
  const url = ctx.values.url;
  const file = ctx.positionals[0];
  if (typeof url === 'string' && file !== undefined) throw new UsageError('give a file or --url, not both');
  let result: ResponseOf<'import.file'>;
  if (typeof url === 'string') {
    result = await ctx.call('import.url', { url });
  } else {
    if (!file) throw new UsageError('missing file to import (or --url URL)');
    const path = resolve(file);
    const bytes = await readInput(path);
    result = await ctx.call('import.file', { fileName: path, dataBase64: bytes.toString('base64') });
  }
  if (!ctx.json) ctx.print(describeImport(result));
  return result;
}

export const importCommand: Command = {
  words: ['import'],
  usage: 'import <file> | import --url URL',
  summary: 'Import an article from a .txt, .md, .html, .htm, .docx or .pdf file, or from a web address',
  writes: true,
  options: { url: { type: 'string' } },
  run: runImport,
};
