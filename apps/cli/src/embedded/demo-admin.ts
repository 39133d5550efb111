import { RequestException } from '@rightsdesk/domain';
import type { OfficerAccounts } from '@rightsdesk/workflow';

export const DEMO_ADMIN_EMAIL = 'admin@rightsdesk.localhost';
export const DEMO_ADMIN_NAME = 'Demo admin';

export type DemoAdmin =
  /** Made just now; the password is shown this once and never stored in clear. */
  | { state: 'created'; email: string; password: string }
  /** Made at an earlier start: its password is gone, a reset makes a new one. */
  | { state: 'exists'; email: string };

export interface DemoAdminContext {
  /** `npm start` runs its own PostgreSQL (no DATABASE_URL given). */
  embeddedDatabase: boolean;
  demoMode: boolean;
}

export function isEmbeddedDemo(context: DemoAdminContext): boolean {
  return context.embeddedDatabase && context.demoMode;
}

/**
 * The embedded demo needs someone to sign in as, and there must be no default password: on a
 * database without any officer, an admin with a generated password. A real installation (its own
 * DATABASE_URL, or DEMO_MODE=false) never gets one; its first admin comes from `officer create`.
 * Null when there is nothing to say: not the demo, or officers of someone's own making.
 */
export async function ensureDemoAdmin(context: DemoAdminContext, accounts: OfficerAccounts): Promise<DemoAdmin | null> {
  if (!isEmbeddedDemo(context)) {
    return null;
  }
  const officers = await accounts.list();
  if (officers.length > 0) {
    return officers.some((officer) => officer.email === DEMO_ADMIN_EMAIL) ? { state: 'exists', email: DEMO_ADMIN_EMAIL } : null;
  }
  try {
    const { password } = await accounts.create({ email: DEMO_ADMIN_EMAIL, displayName: DEMO_ADMIN_NAME, role: 'admin' }, { type: 'system', id: 'demo' });
    if (password === null) {
      throw new Error('a demo admin was created without a generated password');
    }
    return { state: 'created', email: DEMO_ADMIN_EMAIL, password };
  } catch (error) {
    // Another start got there first.
    if (error instanceof RequestException && error.code === 'conflict') {
      return { state: 'exists', email: DEMO_ADMIN_EMAIL };
    }
    throw error;
  }
}

export function resetPasswordCommand(email: string): string {
  return `npm run rightsdesk -- officer reset-password --email ${email}`;
}
