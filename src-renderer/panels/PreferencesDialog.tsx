/** Preferences: the reviewer's name (recorded on every status change) and the organisation for exports. */
import { useState } from 'react';
import type { PreferencesRecord } from '../../src-shared/contract';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';

interface Props {
  prefs: PreferencesRecord;
  onSave(next: PreferencesRecord): Promise<void>;
  onClose(): void;
}

export function PreferencesDialog({ prefs, onSave, onClose }: Props) {
  const [draft, setDraft] = useState(prefs);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof PreferencesRecord) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value }),
  });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await onSave(draft);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Dialog title="Preferences" onClose={onClose} className="fm-form-dialog">
      <form onSubmit={submit} className="fm-form">
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
    </Dialog>
  );
}
