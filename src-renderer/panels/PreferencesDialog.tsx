/** Preferences: the reviewer's name (recorded on every status change) and the organisation for exports. */
import type { PreferencesRecord } from '../../src-shared/contract';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useDraftForm } from '../components/use-draft-form';
import { TeamLibrarySection } from '../sync/TeamLibrarySection';

interface Props {
  prefs: PreferencesRecord;
  onSave(next: PreferencesRecord): Promise<void>;
  onClose(): void;
}

export function PreferencesDialog({ prefs, onSave, onClose }: Props) {
  const { draft, setDraft, error, submit } = useDraftForm(prefs, onSave, onClose);
  const field = (key: keyof PreferencesRecord) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value }),
  });
  return (
    <Dialog title="Preferences" onClose={onClose} className="fm-form-dialog">
      <form onSubmit={(e) => void submit(e)} className="fm-form">
        <label className="fm-field">
          <span>Your name (reviewer)</span>
          <input type="text" data-autofocus autoComplete="name" {...field('reviewer')} />
        </label>
        <label className="fm-field">
          <span>Organisation</span>
          <input type="text" autoComplete="organization" {...field('organisation')} />
        </label>
        <label className="fm-field">
          <span>Organisation website</span>
          <input type="url" placeholder="https://…" {...field('organisationUrl')} />
        </label>
        <FormFooter error={error} submitLabel="Save preferences" onCancel={onClose} />
      </form>
      <TeamLibrarySection />
    </Dialog>
  );
}
