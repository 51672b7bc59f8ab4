/** The two message lines: an alert that stays until dismissed, and a notice that fades after a few seconds. */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import type { Feedback } from '../desk/desk-state';

export interface Messages {
  message: string | null;
  notice: string;
  setMessage(message: string | null): void;
  setNotice(notice: string): void;
  /** Show a failure as the alert. */
  report(error: unknown): void;
}

/** How long a notice stays. */
const NOTICE_MS = 4000;

export function useMessages(feedback: Feedback | null): Messages {
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const report = useCallback((error: unknown) => setMessage(errorMessage(error)), []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // What the desk has to say (undo, a refused save) arrives as feedback with a new serial.
  useEffect(() => {
    if (!feedback) return;
    if (feedback.kind === 'error') setMessage(feedback.text);
    else setNotice(feedback.text);
  }, [feedback]);

  return { message, notice, setMessage, setNotice, report };
}
