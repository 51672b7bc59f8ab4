/** A dialog form's draft: edit a copy, check it, save it, close on success or show the error. */
import { useState } from 'react';
import { errorMessage } from '../api/client';

export interface DraftForm<T> {
  draft: T;
  setDraft(next: T): void;
  error: string | null;
  submit(event: React.FormEvent): Promise<void>;
}

/** `validate` returns a one-line problem, or null when the draft may be saved. */
export function useDraftForm<T>(initial: T, onSave: (draft: T) => Promise<void>, onClose: () => void, validate: (draft: T) => string | null = () => null): DraftForm<T> {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const problem = validate(draft);
    if (problem) return setError(problem);
    try {
      await onSave(draft);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return { draft, setDraft, error, submit };
}
