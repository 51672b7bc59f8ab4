/** The CLI import command: `import <file>` (.txt, .md, .html, .htm, .docx, .pdf, or a Factmark .json export) or `import --url URL`, optionally `--new-version-of ARTICLE`. */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FactmarkError, type ResponseOf } from '../../src-shared/contract';
import { MAX_IMPORT_BYTES } from '../services/import/input-checks';
import { resolveArticle, UsageError, type Command, type CommandContext } from './command';

/** Read a file for import; a missing, unreadable or too large file is a one-line invalid-input error. */
async function readInput(path: string): Promise<Buffer> {
  try {
    const { size } = await stat(path);
    // The import's own size limit, said before the file is read (a base64 copy of it would not fit the request).
    if (size > MAX_IMPORT_BYTES) throw new FactmarkError('invalid-input', `${basename(path)} is over 25 MB (${(size / 1024 / 1024).toFixed(1)} MB)`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw new FactmarkError('invalid-input', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** One line saying what an import did (and for a new version with claims, how they were carried). */
export function describeImport(result: ResponseOf<'import.file'>): string {
  const { article, duplicate, carried } = result;
  if (duplicate) return `Already in the library: "${article.title}" (${article.id}); nothing imported`;
  const version = article.previousVersionId ? ` (a new version of ${article.previousVersionId})` : '';
  const total = carried ? carried.exact + carried.moved + carried.changed + carried.orphaned : 0;
  const claims = carried && total > 0
    ? `; claims carried: ${carried.exact} exact, ${carried.moved} moved, ${carried.changed} changed, ${carried.orphaned} orphaned`
    : '';
  return `Imported "${article.title}" as ${article.id}${version}${claims}`;
}

async function runImport(ctx: CommandContext): Promise<ResponseOf<'import.file'>> {
  const url = ctx.values.url;
  const file = ctx.positionals[0];
  if (typeof url === 'string' && file !== undefined) throw new UsageError('give a file or --url, not both');
  const versionOf = ctx.values['new-version-of'];
  const newVersionOf = typeof versionOf === 'string' ? await resolveArticle(ctx, versionOf) : undefined;
  let result: ResponseOf<'import.file'>;
  if (typeof url === 'string') {
    result = await ctx.call('import.url', { url, newVersionOf });
  } else {
    if (!file) throw new UsageError('missing file to import (or --url URL)');
    const path = resolve(file);
    const bytes = await readInput(path);
    result = await ctx.call('import.file', { fileName: path, dataBase64: bytes.toString('base64'), newVersionOf });
  }
  if (!ctx.json) ctx.print(describeImport(result));
  return result;
}

export const importCommand: Command = {
  words: ['import'],
  usage: 'import <file> | import --url URL [--new-version-of ARTICLE]',
  summary: 'Import an article from a .txt, .md, .html, .htm, .docx or .pdf file or a web address, or restore a Factmark JSON export; --new-version-of carries an article’s claims to this newer version',
  writes: true,
  options: { url: { type: 'string' }, 'new-version-of': { type: 'string' } },
  run: runImport,
};
