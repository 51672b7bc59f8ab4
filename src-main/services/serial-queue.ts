/** A first-in, first-out queue that runs one task at a time: the library's single writer within a process. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
