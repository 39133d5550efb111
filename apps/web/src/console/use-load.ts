import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Data for a page: loads when `key` changes (the URL's query, an id), keeps the previous answer
 * while a reload runs (no flashing table), and ignores answers that arrive after a newer request.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): { state: Loaded<T>; reload(): Promise<void> } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  // `load` is a new closure on every render; `key` says when its answer changes.
  const latest = useRef(load);
  const sequence = useRef(0);
  useEffect(() => {
    latest.current = load;
  });
  const run = useCallback(async () => {
    sequence.current += 1;
    const mine = sequence.current;
    try {
      const data = await latest.current();
      if (mine === sequence.current) {
        setState({ status: 'ready', data });
      }
    } catch (error) {
      if (mine === sequence.current) {
        setState({ status: 'error', error });
      }
    }
  }, []);
  useEffect(() => {
    void run();
  }, [key, run]);
  return { state, reload: run };
}
