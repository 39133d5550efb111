/** The longest of the statements (or store calls) a batch makes, as the run records it. */
export class StatementTimer {
  private longest = 0;

  async time<T>(statement: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await statement();
    } finally {
      this.longest = Math.max(this.longest, performance.now() - started);
    }
  }

  get longestMs(): number {
    return Math.round(this.longest);
  }
}
