/**
 * Factmark's own exports given to Import: a Factmark JSON export is restored exactly (articles,
 * claims, ids), as `restore-export` does, under the import's duplicate rule: an article whose
 * id or text is already in the library is not added again (the existing one is returned). A W3C
 * export holds no article text, so it is refused with a pointer to `restore-export`.
 */
import { basename, extname } from 'node:path';
import { FactmarkError, type ResponseOf } from '../../../src-shared/contract';
import type { ServiceContext } from '../context';
import { MAX_REQUEST_DEPTH, nestedDeeperThan } from '../dispatch';
import { FactmarkExport } from '../export/json';
import { restoreExport } from '../export/restore';
import { EXPORT_EXTENSIONS } from './formats';

/** True for a file name Import reads as a Factmark export. */
export function isExportFile(fileName: string): boolean {
  return EXPORT_EXTENSIONS.includes(extname(fileName).toLowerCase());
}

/** Parse export JSON (a leading BOM is allowed); one invalid-input line naming the file otherwise. */
function parseJson(content: string, label: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new FactmarkError('invalid-input', `${label} is not JSON, so it is not a Factmark or W3C export`);
  }
  if (nestedDeeperThan(data, MAX_REQUEST_DEPTH)) throw new FactmarkError('invalid-input', `${label} nests deeper than ${MAX_REQUEST_DEPTH} levels: this file is too large or too complex to import`);
  return data;
}

/** Which export a file holds, from its content: Factmark JSON or a W3C AnnotationCollection. */
export function detectExportFormat(content: string, fileName: string): 'json' | 'w3c' {
  const label = basename(fileName);
  const obj = (parseJson(content, label) ?? {}) as { format?: unknown; type?: unknown };
  if (obj.format === 'factmark') return 'json';
  if (obj.type === 'AnnotationCollection') return 'w3c';
  throw new FactmarkError('invalid-input', `${label} is neither a Factmark JSON export nor a W3C AnnotationCollection`);
}

/** Import a Factmark export file: restore its articles that are not in the library yet. */
export async function importExportFile(ctx: ServiceContext, fileName: string, bytes: Buffer): Promise<ResponseOf<'import.file'>> {
  const label = basename(fileName);
  const content = bytes.toString('utf8');
  if (detectExportFormat(content, fileName) === 'w3c') {
    throw new FactmarkError(
      'invalid-input',
      `${label} is a W3C Web Annotation export, which does not hold the article’s text: restore it with \`npm run cli -- restore-export ${label} --article-json ARTICLE.json\``,
    );
  }
  const parsed = FactmarkExport.safeParse(parseJson(content, label));
  if (!parsed.success) throw new FactmarkError('invalid-input', `${label} is not a valid Factmark JSON export (${parsed.error.issues[0]?.path.join('.') || 'its shape'} is wrong)`);
  const data = parsed.data;
  if (data.articles.length === 0) throw new FactmarkError('invalid-input', `${label} holds no articles`);
  return ctx.exclusive(async () => {
    const rows = (await ctx.store.index()).articles;
    const existing = (article: (typeof data.articles)[number]['article']) =>
      rows.find((row) => row.id === article.id) ?? rows.find((row) => row.textHash === article.textHash);
    const fresh = data.articles.filter((entry) => !existing(entry.article));
    if (fresh.length === 0) {
      const first = existing(data.articles[0].article)!;
      return { article: (await ctx.store.article(first.id)).article, duplicate: true };
    }
    // restore-export's own checks (schema, text hashes, every claim at its place) run on what is new.
    await restoreExport(ctx, { format: 'json', content: JSON.stringify({ ...data, articles: fresh }) });
    return { article: fresh[0].article, duplicate: false };
  });
}
