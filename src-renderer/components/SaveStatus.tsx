/** The quiet save indicator (role=status): "Saving…", "All changes saved", or what failed. */
import type { SaveState } from '../desk/desk-state';

const TEXT: Record<SaveState['kind'], string> = { idle: '', saving: 'Saving…', saved: 'All changes saved', failed: 'Not saved' };

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" className={`fm-save fm-save-${state.kind}`}>
      {TEXT[state.kind]}
    </p>
  );
}
