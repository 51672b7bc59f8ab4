/** The end of a dialog form: its error (as an alert), Cancel, and the submit button. */
interface Props {
  error: string | null;
  submitLabel: string;
  onCancel(): void;
  /** Disables both buttons while the form's work runs (and the submit button when it cannot run). */
  busy?: boolean;
  canSubmit?: boolean;
  /** The cancel button's label (default "Cancel"). */
  cancelLabel?: string;
}

export function FormFooter({ error, submitLabel, onCancel, busy = false, canSubmit = true, cancelLabel = 'Cancel' }: Props) {
  return (
    <>
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="fm-dialog-actions">
        <button type="button" className="fm-button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="submit" className="fm-button fm-primary" disabled={busy || !canSubmit}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
