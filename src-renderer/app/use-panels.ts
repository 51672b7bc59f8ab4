/** Which side panels are collapsed (the library, the claims panel), remembered across sessions. */
import { useCallback, useMemo, useState } from 'react';

export type SidePanel = 'library' | 'claims';

const STORAGE_KEY = 'factmark.collapsedPanels';

function remembered(): SidePanel[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is SidePanel => p === 'library' || p === 'claims') : [];
  } catch {
    return [];
  }
}

export interface Panels {
  collapsed(panel: SidePanel): boolean;
  toggle(panel: SidePanel): void;
}

export function usePanels(): Panels {
  const [hidden, setHidden] = useState<SidePanel[]>(remembered);
  const toggle = useCallback((panel: SidePanel) => {
    setHidden((now) => {
      const next = now.includes(panel) ? now.filter((p) => p !== panel) : [...now, panel];
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage refused (private mode): the state holds for this session.
      }
      return next;
    });
  }, []);
  const collapsed = useCallback((panel: SidePanel) => hidden.includes(panel), [hidden]);
  // The same object until a panel is toggled, so what is made from it (App's toggleLibrary, which the
  // memoised library list is given) is not made again with every change on the desk.
  return useMemo(() => ({ collapsed, toggle }), [collapsed, toggle]);
}
