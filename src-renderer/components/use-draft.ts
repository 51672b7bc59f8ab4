/** A text field's local draft that follows the stored value until edited, and commits when asked (on blur, Enter, Done). */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLatest } from '../use-latest';

export interface Draft {
  value: string;
  onChange(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  onBlur(): void;
  /** Commit the edit, if there is one. */
  flush(): void;
  /** Forget the edit was pending (it has been saved with something else). */
  markSaved(): void;
}

/**
 * A text field's local draft: follows the stored value until edited, commits when asked. The
 * handlers never change and the draft object changes only with its text, so a memoised field is
 * drawn again only when its own text changes.
 */
export function useDraft(value: string, commit: (next: string) => void): Draft {
  const [draft, setDraft] = useState(value);
  const dirty = useRef(false);
  const latest = useLatest({ draft, value, commit });
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);
  const flush = useCallback(() => {
    if (!dirty.current) return;
    dirty.current = false;
    const now = latest.current;
    if (now.draft !== now.value) now.commit(now.draft);
  }, []);
  const onChange = useCallback((e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    dirty.current = true;
    setDraft(e.target.value);
  }, []);
  const markSaved = useCallback(() => {
    dirty.current = false;
  }, []);
  return useMemo(() => ({ value: draft, onChange, onBlur: flush, flush, markSaved }), [draft, onChange, flush, markSaved]);
}
