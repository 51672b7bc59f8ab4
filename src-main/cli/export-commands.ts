/** CLI commands for exports: export (one article, or --all) and restore-export (put an export back). */
import { constants } from 'node:fs';
import { access, mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormat } from '../services/export/registry';
import { detectExportFormat } from '../services/import/factmark-export';
import type { ExportedFileRecord, ExportFormatId } from '../services/export/types';
import { writeFileDurably } from '../store/durable-file';
import { ARTICLE_ARGUMENT, requirePositional, resolveArticle, UsageError, type Command, type CommandContext } from './command';

/** The bytes of an exported file. */
function bytesOf(file: ExportedFileRecord): Buffer {
  return 'text' in file ? Buffer.from(file.text, 'utf8') : Buffer.from(file.dataBase64, 'base64');
}

async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null;
  }
}

/** Fail (before any work) unless `folder` exists and is writable. */
async function requireWritableFolder(folder: string, forPath: string): Promise<void> {
  if ((await isDirectory(folder)) !== true) throw new FactmarkError('invalid-input', `Cannot write ${forPath}: the folder ${folder} does not exist`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new FactmarkError('invalid-input', `Cannot write ${forPath}: the folder ${folder} is not writable`);
  }
}

/** Fail unless `path` can be written as a file. */
async function checkFileTarget(path: string): Promise<void> {
  if ((await isDirectory(path)) === true) throw new FactmarkError('invalid-input', `${path} is a folder; give a file name with --out`);
  await requireWritableFolder(dirname(path), path);
}

function formatOption(ctx: CommandContext): ExportFormatId {
  const raw = ctx.values.format;
  if (typeof raw !== 'string' || !raw) throw new UsageError(`--format is required: one of ${EXPORT_FORMAT_IDS.join(', ')}`);
  if (!isExportFormat(raw)) throw new UsageError(`unknown format "${raw}"; use one of ${EXPORT_FORMAT_IDS.join(', ')}`);
  return raw;
}

function claimIdsOption(ctx: CommandContext): string[] | undefined {
  const raw = ctx.values.claims;
  if (typeof raw !== 'string') return undefined;
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError('--claims needs claim ids separated by commas');
  return ids;
}

/** Export every article of a per-article format into `folder`, one file each; on a failed write, remove what was written. */
async function exportEachArticle(ctx: CommandContext, format: ExportFormatId, folder: string, includeNotes: boolean): Promise<string[]> {
  const rows = await ctx.call('library.list', {});
  if (rows.length === 0) throw new FactmarkError('invalid-input', 'The library has no articles to export');
  const files: { path: string; file: ExportedFileRecord }[] = [];
  const used = new Set<string>();
  for (const row of rows) {
    const file = await ctx.call('export.article', { articleId: row.id, format, includeNotes });
    let name = file.fileName;
    if (used.has(name)) name = name.replace(/(\.[^.]+)$/, `-${row.id}$1`);
    used.add(name);
    files.push({ path: join(folder, name), file });
  }
  await mkdir(folder, { recursive: false }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const written: string[] = [];
  try {
    for (const { path, file } of files) {
      const existed = (await isDirectory(path)) !== null;
      await writeFileDurably(path, bytesOf(file));
      if (!existed) written.push(path);
    }
  } catch (error) {
    await Promise.all(written.map((p) => unlink(p).catch(() => undefined)));
    throw new FactmarkError('invalid-input', `Cannot write into ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return files.map((f) => f.path);
}

export const exportCommand: Command = {
  words: ['export'],
  usage: 'export <article> --format html|pdf|md|csv|json|w3c|claimreview --out FILE [--claims ID,ID...] [--include-notes]  |  export --all --format F --out FILE-or-FOLDER [--include-notes]',
  summary: 'Export an article (or --all articles) as a report or open data; html, pdf and md with --all write one file per article into the --out folder',
  writes: false,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    all: { type: 'boolean' },
    claims: { type: 'string' },
    'include-notes': { type: 'boolean' },
  },
  async run(ctx) {
    const format = formatOption(ctx);
    const outRaw = ctx.values.out;
    if (typeof outRaw !== 'string' || !outRaw) throw new UsageError('--out FILE is required');
    const out = resolve(outRaw);
    const all = ctx.values.all === true;
    if (all && ctx.positionals.length > 0) throw new UsageError('give an article or --all, not both');
    if (all && ctx.values.claims !== undefined) throw new UsageError('--claims needs one article, not --all');
    const spec = EXPORT_FORMATS[format];
    const includeNotes = ctx.values['include-notes'] === true;

    if (all && spec.scope === 'article') {
      const outIsFolder = await isDirectory(out);
      if (outIsFolder === false) throw new FactmarkError('invalid-input', `${out} is a file; with --all, ${format} needs a folder for --out`);
      await requireWritableFolder(outIsFolder ? out : dirname(out), out);
      const paths = await exportEachArticle(ctx, format, out, includeNotes);
      if (!ctx.json) ctx.print(`Wrote ${paths.length} ${format} file${paths.length === 1 ? '' : 's'} to ${out}`);
      return { format, folder: out, files: paths };
    }

    const claimIds = claimIdsOption(ctx);
    const articleRef = all ? null : requirePositional(ctx, 0, `${ARTICLE_ARGUMENT}, or --all`);
    await checkFileTarget(out);
    const file =
      articleRef === null
        ? await ctx.call('export.library', { format, includeNotes })
        : await ctx.call('export.article', { articleId: await resolveArticle(ctx, articleRef), format, includeNotes, ...(claimIds ? { claimIds } : {}) });
    const bytes = bytesOf(file);
    try {
      await writeFileDurably(out, bytes);
    } catch (error) {
      throw new FactmarkError('invalid-input', `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const size = bytes.length;
    if (!ctx.json) ctx.print(`Wrote ${out} (${spec.label}, ${size} bytes)`);
    return { format, file: out, bytes: size, mimeType: file.mimeType };
  },
};

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new FactmarkError('invalid-input', `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export const restoreExportCommand: Command = {
  words: ['restore-export'],
  usage: 'restore-export <file> [--article-json FILE]',
  summary: 'Restore a Factmark JSON export, or a W3C export with its article (--article-json: a Factmark JSON export or `show --json` output), exactly',
  writes: true,
  options: { 'article-json': { type: 'string' } },
  async run(ctx) {
    const path = resolve(requirePositional(ctx, 0, 'export file to restore'));
    const content = await readText(path, 'export file');
    const format = detectExportFormat(content, path);
    const articlePath = ctx.values['article-json'];
    const article = typeof articlePath === 'string' ? await readText(resolve(articlePath), 'article file') : undefined;
    const result = await ctx.call('export.restore', { format, content, ...(article !== undefined ? { article } : {}) });
    if (!ctx.json) {
      ctx.print(`Restored ${result.articles.length} article${result.articles.length === 1 ? '' : 's'}:`);
      for (const row of result.articles) ctx.print(`${row.id}  ${row.title}  (${row.claimCount} claim${row.claimCount === 1 ? '' : 's'})`);
    }
    return result;
  },
};
