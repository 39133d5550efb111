import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';

export type SignedInOfficer = paths['/api/v1/console/session']['get']['responses'][200]['content']['application/json']['officer'];
export type OfficerRole = SignedInOfficer['role'];

type SessionState = { status: 'loading' } | { status: 'signed-out'; ended: boolean } | { status: 'signed-in'; officer: SignedInOfficer; enrolmentOnly: boolean };

interface SessionValue {
  state: SessionState;
  /** After a successful sign-in (the sign-in page calls the api itself, for the second-factor step). */
  signedIn(officer: SignedInOfficer, enrolmentOnly: boolean): void;
  signOut(): Promise<void>;
  /** A call answered 401: the session ended on the server (idle, absolute limit, revoked). */
  expired(): void;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

// Who is signed in, read from the api (the session cookie is httpOnly, so the page cannot see it).
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const { officer, enrolmentOnly } = await unwrap(api.GET('/api/v1/console/session'));
      setState({ status: 'signed-in', officer, enrolmentOnly });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'second_factor_required') {
        return;
      }
      setState({ status: 'signed-out', ended: false });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo<SessionValue>(
    () => ({
      state,
      refresh,
      signedIn: (officer, enrolmentOnly) => setState({ status: 'signed-in', officer, enrolmentOnly }),
      expired: () => setState({ status: 'signed-out', ended: true }),
      signOut: async () => {
        await api.DELETE('/api/v1/console/session').catch(() => undefined);
        setState({ status: 'signed-out', ended: false });
      },
    }),
    [state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}

/** The signed-in officer; only inside pages the routes render after sign-in. */
export function useOfficer(): SignedInOfficer {
  const { state } = useSession();
  if (state.status !== 'signed-in') {
    throw new Error('useOfficer without a signed-in officer');
  }
  return state.officer;
}
