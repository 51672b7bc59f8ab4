/** The one overlay open at a time (preferences, details, help, versions, export, the library views), by kind. */
import type { FactmarkClient } from '../api/client';
import { ArticleDetailsDialog } from '../panels/ArticleDetailsDialog';
import { ExportDialog } from '../panels/ExportDialog';
import { HelpDialog } from '../panels/HelpDialog';
import { PreferencesDialog } from '../panels/PreferencesDialog';
import { VersionsDialog } from '../panels/VersionsDialog';
import { ClaimantPage } from '../library/ClaimantPage';
import { ClaimsView } from '../library/ClaimsView';
import { LinkedVersions } from '../versions/LinkedVersions';
import { IS_MAC } from '../shortcuts';
import type { Library } from './use-library';

/** Which overlay is open. */
export type Overlay =
  | { kind: 'prefs' }
  | { kind: 'details' }
  | { kind: 'help' }
  | { kind: 'export' }
  | { kind: 'versions' }
  | { kind: 'claims' }
  | { kind: 'claimant'; name: string }
  | null;

interface Props {
  overlay: Overlay;
  client: FactmarkClient;
  library: Library;
  filteredClaimIds: readonly string[] | null;
  totalClaims: number;
  open(overlay: Overlay): void;
  notify(text: string): void;
  report(error: unknown): void;
  /** A version was restored: how to undo it. */
  onRestored(articleId: string, undo: () => Promise<string>): void;
  /** Open an article and select one of its claims (from the library-wide views). */
  onOpenClaim(articleId: string, claimId: string): void;
}

export function Overlays({ overlay, client, library, filteredClaimIds, totalClaims, open, notify, report, onRestored, onOpenClaim }: Props) {
  const close = () => open(null);
  const article = library.article;
  switch (overlay?.kind) {
    case 'claims':
      return (
        <ClaimsView
          client={client}
          articles={library.articles}
          onOpenClaim={onOpenClaim}
          onOpenClaimant={(name) => open({ kind: 'claimant', name })}
          onClose={close}
          notify={notify}
        />
      );
    case 'claimant':
      return (
        <ClaimantPage
          key={overlay.name}
          client={client}
          name={overlay.name}
          onOpenClaim={onOpenClaim}
          onOpenClaimant={(name) => open({ kind: 'claimant', name })}
          onClose={close}
          notify={notify}
        />
      );
    case 'prefs':
      return <PreferencesDialog prefs={library.prefs} onSave={library.savePrefs} onClose={close} />;
    case 'details':
      return article ? (
        <ArticleDetailsDialog article={article} onSave={library.saveDetails} onClose={close}>
          <LinkedVersions client={client} articleId={article.id} onOpen={(id) => void library.openArticle(id).then(close, report)} />
        </ArticleDetailsDialog>
      ) : null;
    case 'help':
      return <HelpDialog isMac={IS_MAC} onClose={close} />;
    case 'versions':
      return article ? (
        <VersionsDialog
          client={client}
          articleId={article.id}
          onClose={close}
          onRestored={(text, undo) => {
            onRestored(article.id, undo);
            close();
            notify(text);
            void library.refreshList().then(() => library.openArticle(article.id)).catch(report);
          }}
        />
      ) : null;
    case 'export':
      return article ? (
        <ExportDialog
          client={client}
          articleId={article.id}
          filteredClaimIds={filteredClaimIds}
          totalClaims={totalClaims}
          onClose={close}
          onExported={(fileName) => {
            close();
            notify(`Exported ${fileName}.`);
          }}
        />
      ) : null;
    default:
      return null;
  }
}
