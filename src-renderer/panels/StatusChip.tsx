/** A status chip: glyph and label on the status colour, so colour is never the only sign. */
import type { StatusId } from '../../src-shared/model';
import { statusInfo } from '../../src-shared/statuses';

export function StatusChip({ status }: { status: StatusId }) {
  const info = statusInfo(status);
  return (
    <span className={`fm-chip fm-chip-${status}`}>
      <span aria-hidden="true">{info.glyph}</span> {info.label}
    </span>
  );
}
