/** Every contract operation bound to its service function: the one table both hosts serve. */
import type { OperationName, ParsedRequestOf, ResponseOf } from '../../src-shared/contract';
import { createBackupsService } from './backups';
import { createClaimsService } from './claims';
import { createExportService } from './export';
import type { ServiceContext } from './context';
import { createLibraryService } from './library';
import { createImportService } from './import';
import { createPrefsService } from './prefs';
import { createLibrarySearchService } from './library-search';
import { createSuggestService } from './suggest/service';
import { createVersionsService } from './versions';
import { createSyncHandlers } from '../sync';

export type Handlers = { [N in OperationName]: (req: ParsedRequestOf<N>) => Promise<ResponseOf<N>> };

export function createHandlers(ctx: ServiceContext): Handlers {
  const library = createLibraryService(ctx);
  const claims = createClaimsService(ctx);
  const prefs = createPrefsService(ctx);
  const importer = createImportService(ctx);
  const exporter = createExportService(ctx);
  const backups = createBackupsService(ctx);
  const librarySearch = createLibrarySearchService(ctx);
  const suggest = createSuggestService(ctx);
  const versions = createVersionsService(ctx);
  return {
    'library.list': library.list,
    'library.get': library.get,
    'library.create': library.create,
    'library.rename': library.rename,
    'library.updateMeta': library.updateMeta,
    'library.delete': async (req) => {
      const deleted = await library.remove(req);
      await suggest.dismissals.forget(req.articleId);
      return deleted;
    },
    'claims.list': claims.list,
    'claims.create': claims.create,
    'claims.update': claims.update,
    'claims.delete': claims.remove,
    'claims.restore': claims.restore,
    'claims.claimants': claims.claimants,
    'import.file': (req) => importer.importFile(req.fileName, Buffer.from(req.dataBase64, 'base64'), req.newVersionOf),
    'import.url': (req) => importer.importUrl(req.url, req.newVersionOf),
    'import.paste': (req) => importer.importPaste(req),
    'backups.list': backups.list,
    'backups.current': backups.current,
    'backups.preview': backups.preview,
    'backups.restore': backups.restore,
    'store.notices': async () => ctx.store.notices(),
    'prefs.get': prefs.get,
    'prefs.set': prefs.set,
    'export.formats': async () => exporter.formats(),
    'export.article': exporter.exportArticle,
    'export.library': exporter.exportLibrary,
    'export.preview': exporter.preview,
    'export.restore': exporter.restore,
    'claims.search': librarySearch.search,
    'claims.similar': librarySearch.similar,
    'claimants.list': librarySearch.claimantsList,
    'claimants.get': librarySearch.claimantsGet,
    'claimants.merge': librarySearch.merge,
    'claimants.unmerge': librarySearch.unmerge,
    'suggest.claims': suggest.claims,
    'suggest.claimant': suggest.claimant,
    'suggest.dismiss': suggest.dismiss,
    'versions.list': versions.list,
    'versions.changes': versions.changes,
    'claims.acceptCarried': versions.accept,
    'claims.reattach': versions.reattach,
    ...createSyncHandlers(ctx),
  };
}
