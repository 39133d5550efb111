import { useCallback } from 'react';
import { ApiError, unwrap } from '../api/client';
import { useSession } from './session';

type Call<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/**
 * `unwrap` for console pages: a 401 means the session ended on the server (idle or absolute limit,
 * signed out elsewhere), so the sign-in takes over and brings the officer back to this page.
 */
export function useConsoleCall(): <T>(call: Call<T>) => Promise<T> {
  const { expired } = useSession();
  return useCallback(
    async <T,>(call: Call<T>): Promise<T> => {
      try {
        return await unwrap(call);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          expired();
        }
        throw error;
      }
    },
    [expired],
  );
}
