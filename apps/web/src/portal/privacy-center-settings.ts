import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

function load() {
  return unwrap(api.GET('/api/v1/privacy-center/settings'));
}

export type PrivacyCenterSettings = Awaited<ReturnType<typeof load>>;

let pending: Promise<PrivacyCenterSettings | null> | undefined;

/**
 * The server's settings the forms check against (the fallback regime, the answer's file limits),
 * fetched once per page load. Null while loading or when the api cannot say: the forms then leave
 * those checks to the server.
 */
export function usePrivacyCenterSettings(): PrivacyCenterSettings | null {
  const [settings, setSettings] = useState<PrivacyCenterSettings | null>(null);
  useEffect(() => {
    let live = true;
    pending ??= load().catch(() => {
      pending = undefined;
      return null;
    });
    void pending.then((value) => {
      if (live) {
        setSettings(value);
      }
    });
    return () => {
      live = false;
    };
  }, []);
  return settings;
}
