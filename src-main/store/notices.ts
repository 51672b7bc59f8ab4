/** What the store tells the user it did on its own: recovered files, quarantined temp files, read-only files. */
import type { z } from 'zod';
import type { StoreNotice as StoreNoticeSchema } from '../../src-shared/contract';

/** One message for the user, with when it happened. */
export type StoreNotice = z.infer<typeof StoreNoticeSchema>;

/** The notices collected since the store was opened, oldest first. */
export class StoreNotices {
  private readonly items: StoreNotice[] = [];

  constructor(private readonly clock: () => Date) {}

  add(message: string): void {
    this.items.push({ message, at: this.clock().toISOString() });
  }

  list(): StoreNotice[] {
    return [...this.items];
  }
}
