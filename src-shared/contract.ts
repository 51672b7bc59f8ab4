/**
 * Every operation that crosses the process boundary: its name, request and response schemas.
 * Both hosts (Electron IPC and the HTTP browser host) validate each request against this list
 * before a service runs, and the renderer's client is typed from it.
 */
import { z } from 'zod';
import {
  Article,
  ArticleMeta,
  ArticleSummary,
  Claim,
  ClaimantKind,
  OptionalDate,
  OptionalHttpUrl,
  DocJSON,
  Evidence,
  Id,
  Status,
  Timestamp,
} from './model';
import { libraryOperations } from './contract-library';
import { backupOperations } from './contract-backups';
import { suggestContract } from './contract-suggest';
import { CarryCounts, versionsContract } from './contract-versions';
import { syncContract } from './contract-sync';

/** A range to claim: text offsets, or the Nth occurrence (1-based) of a quote. */
export const ClaimRange = z.union([
  z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
  z.object({ quote: z.string().min(1).max(100_000), occurrence: z.number().int().min(1).default(1) }).strict(),
]);

/** The editable fields of a claim. */
export const ClaimFields = z.object({
  claimant: z.string().trim().max(500),
  status: Status,
  evidence: z.array(Evidence).max(500),
  note: z.string().max(50_000),
  claimAsChecked: z.string().max(100_000),
  explanation: z.string().max(50_000),
  verdictDate: OptionalDate,
  claimantKind: ClaimantKind,
});

export const Preferences = z.object({
  /** The reviewer's name, recorded on status changes. */
  reviewer: z.string().trim().max(200),
  /** The fact-checking organisation named as author in ClaimReview exports. */
  organisation: z.string().trim().max(200),
  organisationUrl: OptionalHttpUrl,
});

/** Preferences before the user has set any. */
export const DEFAULT_PREFERENCES: z.infer<typeof Preferences> = { reviewer: '', organisation: '', organisationUrl: '' };

/** An article with its claims in document order; `claimCount` counts them all, also when only the first were asked for. */
const ArticleWithClaims = z.object({ article: Article, claims: z.array(Claim), claimCount: z.number().int().nonnegative() });

/** Export formats: html, pdf and md are one file per article; csv, json, w3c and claimreview hold any number. */
export const ExportFormat = z.enum(['html', 'pdf', 'md', 'csv', 'json', 'w3c', 'claimreview']);

/** What an export format is, for a File > Export menu. */
export const ExportFormatInfo = z.object({
  id: ExportFormat,
  label: z.string(),
  extension: z.string(),
  mimeType: z.string(),
  /** 'article': one file per article; 'collection': one file for any number of articles. */
  scope: z.enum(['article', 'collection']),
});

/** An exported file: text formats as text (UTF-8 when saved), PDF as base64 bytes. */
export const ExportedFile = z.union([
  z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }).strict(),
  z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }).strict(),
]);

/** Largest export file accepted back by export.restore (characters). */
export const MAX_RESTORE_CHARS = 40 * 1024 * 1024;

/** Something the store did on its own (recovered a file, opened one read-only) that the user should know. */
export const StoreNotice = z.object({ message: z.string(), at: Timestamp });

/**
 * What an import returns: the new article, or the one already holding the same text (duplicate: true; nothing written).
 * A new version of an article also reports how its claims were carried over (counts per state).
 */
export const ImportResult = z.object({ article: Article, duplicate: z.boolean(), carried: CarryCounts.optional() });

/** Import as a new version of this article (the newest of its versions), carrying its claims over. */
const NewVersionOf = { newVersionOf: Id.optional() };

/** Longest paste accepted (characters); the service also refuses more than 25 MB of UTF-8. */
export const MAX_PASTE_CHARS = 25 * 1024 * 1024;

function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

export const contract = {
  'library.list': op(z.object({}).strict(), z.array(ArticleSummary), 'Every article, newest first.'),
  'library.get': op(
    z.object({ articleId: Id, claimLimit: z.number().int().positive().max(10_000_000).optional() }).strict(),
    ArticleWithClaims,
    'One article with its claims; with claimLimit, only that many of the first claims in document order (claims.list `after` the last of them brings the rest).',
  ),
  'library.create': op(
    z.object({ meta: ArticleMeta.partial().extend({ title: ArticleMeta.shape.title }), doc: DocJSON }).strict(),
    Article,
    'Add an article from a ProseMirror document.',
  ),
  'library.rename': op(z.object({ articleId: Id, title: ArticleMeta.shape.title }).strict(), Article, 'Change an article title.'),
  'library.updateMeta': op(
    z.object({ articleId: Id, meta: ArticleMeta.partial() }).strict(),
    Article,
    'Edit an article’s metadata (title, byline, publisher, URL, date, language).',
  ),
  'library.delete': op(z.object({ articleId: Id }).strict(), z.object({ deleted: Id }), 'Remove an article and its claims.'),
  'claims.list': op(
    z.object({ articleId: Id, after: Id.optional() }).strict(),
    z.array(Claim),
    'An article’s claims in document order; with `after`, those after that claim (all of them when it is gone).',
  ),
  'claims.create': op(
    z
      .object({ articleId: Id, range: ClaimRange, id: Id.optional() })
      .extend(ClaimFields.partial().shape)
      .strict(),
    Claim,
    'Claim a range of the article’s text; the range is trimmed of surrounding whitespace.',
  ),
  'claims.update': op(
    z.object({ articleId: Id, claimId: Id, baseRevision: z.number().int().min(1), patch: ClaimFields.partial() }).strict(),
    Claim,
    'Change a claim; fails with "conflict" if it changed since baseRevision.',
  ),
  'claims.delete': op(
    z.object({ articleId: Id, claimId: Id, baseRevision: z.number().int().min(1).optional() }).strict(),
    Claim,
    'Remove a claim; returns it so it can be restored. With baseRevision (the version the reviewer saw), fails with "conflict" if it changed since.',
  ),
  'claims.restore': op(z.object({ claim: Claim }).strict(), Claim, 'Put back a deleted claim exactly as it was (undo).'),
  'claims.claimants': op(z.object({}).strict(), z.array(z.string()), 'Every claimant named in the library, most used first (for suggestions).'),
  'import.file': op(
    z.object({ fileName: z.string().min(1).max(1_000), dataBase64: z.string().max(40 * 1024 * 1024), ...NewVersionOf }).strict(),
    ImportResult,
    'Import a file (.txt, .md, .html, .htm, .docx, .pdf; bytes base64-encoded) as a new article, or find it already imported.',
  ),
  'import.url': op(
    z.object({ url: z.string().trim().min(1).max(4_000), ...NewVersionOf }).strict(),
    ImportResult,
    'Fetch a web address (http or https) and import the article it serves.',
  ),
  'import.paste': op(
    z
      .object({ html: z.string().max(MAX_PASTE_CHARS).optional(), text: z.string().max(MAX_PASTE_CHARS).optional(), title: z.string().max(500).optional(), ...NewVersionOf })
      .strict()
      .refine((p) => p.html !== undefined || p.text !== undefined, 'give html or text'),
    ImportResult,
    'Import pasted content (rich HTML, sanitised, or plain text) as a new article.',
  ),
  ...backupOperations,
  'store.notices': op(z.object({}).strict(), z.array(StoreNotice), 'What the store repaired or refused since it was opened.'),
  'prefs.get': op(z.object({}).strict(), Preferences, 'The user’s preferences.'),
  'prefs.set': op(Preferences.partial().strict(), Preferences, 'Change preferences.'),
  'export.formats': op(z.object({}).strict(), z.array(ExportFormatInfo), 'Every export format, for a File > Export menu.'),
  'export.article': op(
    z.object({ articleId: Id, format: ExportFormat, claimIds: z.array(Id).max(100_000).optional(), includeNotes: z.boolean().optional() }).strict(),
    ExportedFile,
    'Export one article with its claims (only claimIds, in document order, when given); internal notes only with includeNotes.',
  ),
  'export.preview': op(
    z.object({ articleId: Id, claimIds: z.array(Id).max(100_000).optional(), includeNotes: z.boolean().optional() }).strict(),
    z.object({ html: z.string(), warnings: z.array(z.string()), defaultSummary: z.string() }),
    'The HTML report as it will be exported (for the same claims and notes choice), a line for each claim it flags (a verdict with no source), and the summary it would generate.',
  ),
  'export.library': op(
    z.object({ format: ExportFormat, articleIds: z.array(Id).min(1).max(100_000).optional(), claimIds: z.array(Id).max(1_000_000).optional(), includeNotes: z.boolean().optional() }).strict(),
    ExportedFile,
    'Export every article (or articleIds) into one file, with only claimIds when given (the claims a library-wide search shows); csv, json, w3c and claimreview only.',
  ),
  'export.restore': op(
    z
      .object({
        format: z.enum(['json', 'w3c']),
        content: z.string().min(1).max(MAX_RESTORE_CHARS),
        article: z.string().min(1).max(MAX_RESTORE_CHARS).optional(),
      })
      .strict(),
    z.object({ articles: z.array(ArticleSummary) }),
    'Restore a Factmark JSON export, or a W3C export with its article(s), exactly (ids, times, history).',
  ),
  ...libraryOperations,
  ...suggestContract,
  ...versionsContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type RequestOf<N extends OperationName> = z.input<Contract[N]['request']>;
export type ParsedRequestOf<N extends OperationName> = z.output<Contract[N]['request']>;
export type ResponseOf<N extends OperationName> = z.output<Contract[N]['response']>;
export type PreferencesRecord = z.infer<typeof Preferences>;

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Error codes a call can fail with. */
export type ErrorCode = 'invalid-request' | 'not-found' | 'conflict' | 'invalid-input' | 'read-only' | 'locked' | 'internal';

/** What every transport returns for a call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** An error with a code and a one-line message, safe to show to the user. */
export class FactmarkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FactmarkError';
  }
}

/** Turn a zod error into one readable line: "range.start: expected number". */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid request';
  const path = first.path.length ? `${first.path.join('.')}: ` : '';
  return `${path}${first.message}`;
}
