/**
 * Whether a dialog or a popup menu is open, kept by the components that draw them (Dialog,
 * PopupMenu), so the desk's key handler can ask on every key press without searching the page
 * (a search of a long article's thousands of elements cost up to a millisecond per key).
 */
import { useLayoutEffect } from 'react';

let openCount = 0;

/** Count the calling dialog or menu as open while it is mounted. */
export function useCountAsOpenOverlay(): void {
  useLayoutEffect(() => {
    openCount++;
    return () => {
      openCount--;
    };
  }, []);
}

/** True while any dialog or popup menu is open: it handles its own keys. */
export function anOverlayIsOpen(): boolean {
  return openCount > 0;
}
