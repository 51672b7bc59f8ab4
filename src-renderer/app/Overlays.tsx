/** The one overlay open at a time (the claim editor, preferences, details, help, versions, export), by kind. */
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { ArticleDetailsDialog } from '../panels/ArticleDetailsDialog';
import { ClaimEditor } from '../panels/ClaimEditor';
import { ExportDialog } from '../panels/ExportDialog';
import { HelpDialog } from '../panels/HelpDialog';
import { PreferencesDialog } from '../panels/PreferencesDialog';
import { VersionsDialog } from '../panels/VersionsDialog';
import { LinkedVersions } from '../versions/LinkedVersions';
import { IS_MAC } from '../shortcuts';
import type { Library } from './use-library';

/** Which overlay is open. */
export type Overlay =
  | { kind: 'editor'; claimId: string }
  | { kind: 'prefs' }
  | { kind: 'details' }
  | { kind: 'help' }
  | { kind: 'export' }
  | { kind: 'versions' }
  | null;

interface Props {
  overlay: Overlay;
  client: FactmarkClient;
  library: Library;
  /** The claim the editor shows (null when it is gone). */
  editing: ClaimRecord | null;
  claimants: readonly string[];
  filteredClaimIds: readonly string[] | null;
  totalClaims: number;
  onPatch(claimId: string, patch: ClaimPatch): void;
  onDelete(claimId: string): void;
  open(overlay: Overlay): void;
  notify(text: string): void;
  report(error: unknown): void;
}

export function Overlays({ overlay, client, library, editing, claimants, filteredClaimIds, totalClaims, onPatch, onDelete, open, notify, report }: Props) {
  const close = () => open(null);
  const article = library.article;
  switch (overlay?.kind) {
    case 'editor':
      return editing ? (
        <ClaimEditor
          key={editing.id}
          claim={editing}
          claimants={claimants}
          onPatch={(patch) => onPatch(editing.id, patch)}
          onDelete={() => onDelete(editing.id)}
          onClose={close}
          onOpenPreferences={() => open({ kind: 'prefs' })}
        />
      ) : null;
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
          onRestored={(text) => {
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
