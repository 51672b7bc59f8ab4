/** A small popup menu (role=menu) at a point: arrow keys move, Enter picks, Escape or a click outside closes. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCountAsOpenOverlay } from './open-overlays';

export interface MenuItem {
  label: string;
  onSelect(): void;
  disabled?: boolean;
  /** Shown after the label, e.g. a status glyph or a shortcut. */
  hint?: string;
}

interface Props {
  label: string;
  items: readonly MenuItem[];
  /** Viewport coordinates of the menu's top-left corner. */
  at: { x: number; y: number };
  onClose(): void;
}

export function PopupMenu({ label, items, at, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const returnFocus = useRef<Element | null>(null);
  useCountAsOpenOverlay();

  useLayoutEffect(() => {
    returnFocus.current = document.activeElement;
    const el = menu.current!;
    const rect = el.getBoundingClientRect();
    setPos({ x: Math.max(4, Math.min(at.x, window.innerWidth - rect.width - 4)), y: Math.max(4, Math.min(at.y, window.innerHeight - rect.height - 4)) });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    return () => {
      const back = returnFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    };
  }, [at]);

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const move = (step: number | 'first' | 'last') => {
    const all = [...menu.current!.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = step === 'first' ? 0 : step === 'last' ? all.length - 1 : (at + step + all.length) % all.length;
    all[next].focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => move('first'),
      End: () => move('last'),
      Escape: onClose,
      Tab: onClose,
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  return (
    <div ref={menu} role="menu" aria-label={label} className="fm-menu" style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={i}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="fm-menu-item"
          aria-disabled={item.disabled ? 'true' : undefined}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.onSelect();
          }}
        >
          <span>{item.label}</span>
          {item.hint ? <span className="fm-menu-hint" aria-hidden="true">{item.hint}</span> : null}
        </button>
      ))}
    </div>
  );
}
