/**
 * First run: a small dialog asks the reviewer's name once (it is recorded on every change they
 * make). Skipping is fine; Preferences can set it later. Asked only while no name is set, and only
 * once on this computer (remembered in the page's local storage).
 */
import { useState } from 'react';
import type { PreferencesRecord } from '../../src-shared/contract';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';

const ASKED_KEY = 'factmark.reviewerAsked';

/** Whether the name should be asked now: not set, and not asked before. */
export function shouldAskReviewer(prefs: PreferencesRecord, loaded: boolean): boolean {
  if (!loaded || prefs.reviewer.trim() !== '') return false;
  try {
    return localStorage.getItem(ASKED_KEY) === null;
  } catch {
    return false;
  }
}

function rememberAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, 'yes');
  } catch {
    // Storage refused: asked again next time, which is harmless.
  }
}

interface Props {
  prefs: PreferencesRecord;
  onSave(next: PreferencesRecord): Promise<void>;
  onDone(): void;
}

export function ReviewerPrompt({ prefs, onSave, onDone }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const skip = () => {
    rememberAsked();
    onDone();
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Type your name, or choose Skip.');
    try {
      await onSave({ ...prefs, reviewer: name.trim() });
      rememberAsked();
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Dialog title="Welcome to Factmark" onClose={skip} className="fm-form-dialog">
      <form className="fm-form" onSubmit={(e) => void save(e)}>
        <p className="fm-hint fm-flush">Your name is recorded on each claim you create or change, and listed as a reviewer in the reports. You can change it later in Preferences.</p>
        <label className="fm-field">
          <span>Your name (reviewer)</span>
          <input type="text" data-autofocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <FormFooter error={error} submitLabel="Save name" onCancel={skip} cancelLabel="Skip" />
      </form>
    </Dialog>
  );
}
