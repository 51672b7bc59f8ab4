/** A text field's local draft that follows the stored value until edited, and commits when asked (on blur, Enter, Done). */
import { useEffect, useRef, useState } from 'react';

export /** A text field's local draft: follows the stored value until edited, commits when asked. */
function useDraft(value: string, commit: (next: string) => void) {
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

