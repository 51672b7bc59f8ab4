/** What the store tells the user it did on its own: recovered files, quarantined temp files, read-only files. */

/** One message for the user, with when it happened. */
export interface StoreNotice {
  message: string;
  at: string;
}

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
