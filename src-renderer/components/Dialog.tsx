/** A modal dialog: labelled by its title, focus moves in and is kept there, Escape closes, focus returns. */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useCountAsOpenOverlay } from './open-overlays';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class on the dialog box (size and placement). */
  className?: string;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, onClose, children, className }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useCountAsOpenOverlay();

  useLayoutEffect(() => {
    const previous = document.activeElement;
    const el = box.current!;
    (el.querySelector<HTMLElement>('[data-autofocus]') ?? el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...box.current!.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="fm-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} className={`fm-dialog ${className ?? ''}`} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className="fm-dialog-header">
          <h2 id={titleId} className="fm-dialog-title">
            {title}
          </h2>
          <button type="button" className="fm-icon-button" aria-label={`Close ${title}`} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="fm-dialog-body">{children}</div>
      </div>
    </div>
  );
}
