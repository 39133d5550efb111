import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DatabaseTransactions, type OfficerEntity, OfficerRepository, OfficerSessionRepository } from '@rightsdesk/data-access';
import { ACTING_ROLES, normalizeEmail, type OfficerRole, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordHasher } from '../security/password-hasher';
import { secureRandomBytes } from '../security/secure-random';
import { Clock } from '../time/clock';
import type { AccountActor } from './officer-actor';

/** An officer as the console shows it: never the password hash or the TOTP secret. */
export interface OfficerView {
  id: string;
  email: string;
  displayName: string;
  role: OfficerRole;
  totpEnabled: boolean;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** Who a request can be assigned to: enough to pick a name, nothing of the account. */
export interface AssigneeView {
  id: string;
  displayName: string;
  role: OfficerRole;
}

export interface NewOfficerInput {
  email: string;
  displayName: string;
  role: OfficerRole;
  /** Omitted: a random one is generated and returned once. */
  password?: string;
}

export interface OfficerUpdate {
  displayName?: string;
  role?: OfficerRole;
  disabled?: boolean;
}

/** 120 random bits, readable enough to type once: a new officer's first password. */
export function generatePassword(): string {
  return secureRandomBytes(15).toString('base64url');
}

export function checkPasswordStrength(password: string, path = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new RequestException('validation_failed', 'The password is not acceptable.', {
      fieldErrors: [
        {
          path,
          code: password.length < PASSWORD_MIN_LENGTH ? 'too_short' : 'too_long',
          message: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; a passphrase of several words is easiest.`,
        },
      ],
    });
  }
}

// Officer accounts: created by an admin (or the command line for the first one), never with a
// default password. Every change is in the audit trail.
@Injectable()
export class OfficerAccounts {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly officers: OfficerRepository,
    private readonly sessions: OfficerSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(input: NewOfficerInput, actor: AccountActor): Promise<{ officer: OfficerView; password: string | null }> {
    const password = input.password ?? generatePassword();
    checkPasswordStrength(password);
    const id = randomUUID();
    const now = this.clock.now();
    const passwordHash = await this.hasher.hash(password);
    await this.transactions.run(async (tx) => {
      const added = await this.officers.add(
        { id, email: normalizeEmail(input.email), displayName: input.displayName.trim(), role: input.role, passwordHash, passwordChangedAt: now },
        tx,
      );
      if (!added) {
        throw new RequestException('conflict', 'An officer with this email already exists.');
      }
      await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'officer_created', data: { officerId: id, role: input.role } });
    });
    const officer = await this.get(id);
    return { officer, password: input.password === undefined ? password : null };
  }

  async list(): Promise<OfficerView[]> {
    return (await this.officers.list()).map((o) => this.view(o));
  }

  /** Active admins and officers (auditors change nothing, so they are never assigned). */
  async assignees(): Promise<AssigneeView[]> {
    return (await this.officers.listActive(ACTING_ROLES)).map((o) => ({ id: o.id, displayName: o.displayName, role: o.role }));
  }

  /** The command line names officers by email. */
  async getByEmail(email: string): Promise<OfficerView> {
    const officer = await this.officers.findByEmail(normalizeEmail(email));
    if (!officer) {
      throw new RequestException('not_found', 'No officer with this email.');
    }
    return this.view(officer);
  }

  async get(id: string): Promise<OfficerView> {
    const officer = await this.officers.findById(id);
    if (!officer) {
      throw new RequestException('not_found', 'No such officer.');
    }
    return this.view(officer);
  }

  /** Role changes and disabling end the officer's sessions, so the new rights apply at once. */
  async update(id: string, change: OfficerUpdate, actor: AccountActor): Promise<OfficerView> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const officer = await this.officers.findById(id, tx);
      if (!officer) {
        throw new RequestException('not_found', 'No such officer.');
      }
      const losesAdmin = officer.role === 'admin' && officer.disabledAt === null && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
      // Serialized by the row locks below: two admins demoting each other cannot both succeed.
      await tx.query(`SELECT id FROM officer WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE`);
      if (losesAdmin && (await this.officers.countActiveAdmins(tx)) <= 1) {
        throw new RequestException('conflict', 'This is the last active admin; make another officer admin first.');
      }
      const disabledAt = change.disabled === undefined ? undefined : change.disabled ? (officer.disabledAt ?? now) : null;
      await this.officers.update(id, { displayName: change.displayName?.trim(), role: change.role, disabledAt }, tx);
      if ((change.role !== undefined && change.role !== officer.role) || change.disabled === true) {
        await this.sessions.revokeAllOf(id, now, null, tx);
      }
      await this.audit.record(tx, {
        requestId: null,
        actorType: actor.type,
        actorId: actor.id,
        action: 'officer_updated',
        data: { officerId: id, role: change.role ?? null, disabled: change.disabled ?? null, renamed: change.displayName !== undefined },
      });
    });
    return this.get(id);
  }

  /** A new random password (shown once) and an unlocked account; the officer's sessions end. */
  async resetPassword(id: string, actor: AccountActor): Promise<string> {
    const password = generatePassword();
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      if (!(await this.officers.findById(id, tx))) {
        throw new RequestException('not_found', 'No such officer.');
      }
      await this.officers.update(id, { passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null }, tx);
      await this.sessions.revokeAllOf(id, now, null, tx);
      await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'officer_password_reset', data: { officerId: id } });
    });
    return password;
  }

  async unlock(id: string, actor: AccountActor): Promise<OfficerView> {
    await this.transactions.run(async (tx) => {
      if (!(await this.officers.findById(id, tx))) {
        throw new RequestException('not_found', 'No such officer.');
      }
      await this.officers.update(id, { failedLogins: 0, lockedUntil: null }, tx);
      await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'officer_unlocked', data: { officerId: id } });
    });
    return this.get(id);
  }

  /** The officer's own change; every other session of theirs ends. */
  async changePassword(officerId: string, sessionId: string, current: string, next: string): Promise<void> {
    const officer = await this.officers.findById(officerId);
    if (!officer || !(await this.hasher.verify(officer.passwordHash, current))) {
      throw new RequestException('login_failed', 'The current password is wrong.');
    }
    checkPasswordStrength(next, 'newPassword');
    const passwordHash = await this.hasher.hash(next);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      await this.officers.update(officerId, { passwordHash, passwordChangedAt: now }, tx);
      await this.sessions.revokeAllOf(officerId, now, sessionId, tx);
      await this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officerId, action: 'officer_password_changed', data: { officerId } });
    });
  }

  private view(officer: OfficerEntity): OfficerView {
    const now = this.clock.now().getTime();
    return {
      id: officer.id,
      email: officer.email,
      displayName: officer.displayName,
      role: officer.role,
      totpEnabled: officer.totpEnabledAt !== null,
      locked: officer.lockedUntil !== null && officer.lockedUntil.getTime() > now,
      disabled: officer.disabledAt !== null,
      lastLoginAt: officer.lastLoginAt?.toISOString() ?? null,
      createdAt: officer.createdAt.toISOString(),
    };
  }
}
