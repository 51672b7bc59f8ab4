/** Small numbers for distinct strings, in order of first use (index terms, claimant names, repeated values in a shard file). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of a known value. */
  numberOf(value: string): number | undefined {
    return this.numbers.get(value);
  }

  /** The number of a value, added when new. */
  of(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }
}
