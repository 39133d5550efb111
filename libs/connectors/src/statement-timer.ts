import { performance } from 'node:perf_hooks';

/**
 * Times the statements (or store calls) of one retention batch and keeps the longest, which the
 * run records: a batch size is only safe for production while no single statement runs long.
 */
export class StatementTimer {
  private longest = 0;

  get longestMs(): number {
    return Math.round(this.longest * 10) / 10;
  }

  async time<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.longest = Math.max(this.longest, performance.now() - started);
    }
  }
}
