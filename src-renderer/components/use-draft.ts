/** A text field's local draft for fields that save themselves: follows the stored value until edited, commits on blur. */
import { useEffect, useRef, useState } from 'react';

/** A text field's local draft: follows the stored value until edited, commits when asked. */
export function useDraft(value: string, commit: (next: string) => void) {
  const [draft, setDraft] = useState(value);
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);
  const flush = () => {
    if (!dirty.current) return;
    dirty.current = false;
    if (draft !== value) commit(draft);
  };
  return {
    value: draft,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      dirty.current = true;
      setDraft(e.target.value);
    },
    onBlur: flush,
    flush,
    /** Forget the edit was pending (it has been saved with something else). */
    markSaved: () => {
      dirty.current = false;
    },
  };
}
