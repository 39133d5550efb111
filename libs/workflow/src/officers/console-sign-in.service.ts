import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions, OfficerRepository, OfficerSessionRepository } from '@rightsdesk/data-access';
import { normalizeEmail, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, newToken, sameHash } from '../security/keyed-hash';
import { PASSWORD_MAX_LENGTH, PasswordHasher } from '../security/password-hasher';
import { secureRandomBytes } from '../security/secure-random';
import { matchTotp, otpauthUri } from '../security/totp';
import { Clock } from '../time/clock';
import type { SignedInOfficer } from './officer-actor';

export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string;
}

export interface NewSession {
  /** Goes in the httpOnly session cookie; only its keyed hash is stored. */
  token: string;
  /** Sent back in X-CSRF-Token on every state-changing call. */
  csrfToken: string;
  expiresAt: Date;
  /** Only setting up a second factor is allowed until one is set up. */
  enrolmentOnly: boolean;
  officer: Omit<SignedInOfficer, 'sessionId' | 'enrolmentOnly'>;
}

export interface AuthenticatedSession {
  officer: SignedInOfficer;
  csrfHash: Buffer;
  enrolmentOnly: boolean;
}

const FAILED = 'The email or password is wrong.';
// Last-seen is written at most this often, not on every call.
const TOUCH_EVERY_MS = 60_000;

// Console sign-in: password (argon2id), optional TOTP, lockout with back-off, sessions with idle
// and absolute expiry. Every sign-in and every failure on a known account is audited.
@Injectable()
export class ConsoleSignIn {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly officers: OfficerRepository,
    private readonly sessions: OfficerSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(input: SignInInput): Promise<NewSession> {
    const now = this.clock.now();
    const password = input.password.slice(0, PASSWORD_MAX_LENGTH + 1);
    const officer = await this.officers.findByEmail(normalizeEmail(input.email));
    if (!officer || officer.disabledAt !== null) {
      await this.hasher.verifyNothing(password);
      throw new RequestException('login_failed', FAILED);
    }
    if (officer.lockedUntil && officer.lockedUntil.getTime() > now.getTime()) {
      throw this.locked(officer.lockedUntil, now);
    }
    if (!(await this.hasher.verify(officer.passwordHash, password))) {
      await this.fail(officer.id, now, 'password');
      throw new RequestException('login_failed', FAILED);
    }
    let totpStep: number | null = null;
    if (officer.totpEnabledAt && officer.totpSecret) {
      if (!input.totpCode) {
        throw new RequestException('second_factor_required', 'Enter the code from your authenticator app.');
      }
      const secret = Buffer.from(this.cipher.decryptJson<string>(officer.totpSecret), 'base64');
      totpStep = matchTotp(secret, input.totpCode, now, officer.totpLastStep === null ? null : Number(officer.totpLastStep));
      if (totpStep === null || !(await this.officers.takeTotpStep(officer.id, totpStep))) {
        await this.fail(officer.id, now, 'second_factor');
        throw new RequestException('login_failed', 'The code is wrong or was already used; wait for the next one.');
      }
    }
    const enrolmentOnly = officer.role === 'admin' && this.config.console.totpRequiredForAdmins && !officer.totpEnabledAt;
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + this.config.console.sessionAbsoluteHours * 3600_000);
    const sessionId = randomUUID();
    await this.officers.recordLogin(officer.id, now, totpStep);
    await this.sessions.add({ id: sessionId, tokenHash: this.hash.token(token), csrfHash: this.hash.token(csrfToken), officerId: officer.id, enrolmentOnly, lastSeenAt: now, expiresAt });
    await this.transactions.run((tx) =>
      this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officer.id, action: 'officer_signed_in', data: { secondFactor: totpStep !== null } }),
    );
    return {
      token,
      csrfToken,
      expiresAt,
      enrolmentOnly,
      officer: { id: officer.id, email: officer.email, displayName: officer.displayName, role: officer.role, totpEnabled: officer.totpEnabledAt !== null },
    };
  }

  /** The session behind a cookie token, or null when it is unknown, expired, revoked or its officer disabled. */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    if (token.length === 0 || token.length > 128) {
      return null;
    }
    const now = this.clock.now();
    const live = await this.sessions.findLive(this.hash.token(token), now, this.config.console.sessionIdleMinutes * 60);
    if (!live) {
      return null;
    }
    if (now.getTime() - live.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.touch(live.sessionId, now);
    }
    return { officer: { ...live.officer, sessionId: live.sessionId, enrolmentOnly: live.enrolmentOnly }, csrfHash: live.csrfHash, enrolmentOnly: live.enrolmentOnly };
  }

  csrfMatches(session: AuthenticatedSession, presented: string | undefined): boolean {
    return typeof presented === 'string' && presented.length > 0 && presented.length <= 128 && sameHash(session.csrfHash, this.hash.token(presented));
  }

  async signOut(officer: SignedInOfficer): Promise<void> {
    const now = this.clock.now();
    await this.sessions.revoke(officer.sessionId, now);
    await this.transactions.run((tx) => this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officer.id, action: 'officer_signed_out' }));
  }

  /** Starts setting up a TOTP second factor: a new secret, pending until a code confirms it. */
  async beginTotp(officer: SignedInOfficer): Promise<{ secret: string; otpauthUri: string }> {
    if (officer.totpEnabled) {
      throw new RequestException('conflict', 'A second factor is already set up; turn it off first to replace it.');
    }
    const secret = secureRandomBytes(20);
    await this.officers.update(officer.id, { totpSecret: this.cipher.encryptJson(secret.toString('base64')), totpEnabledAt: null, totpLastStep: null });
    const uri = otpauthUri(secret, officer.email, this.config.company.name.replace(/:/g, ''));
    return { secret: new URL(uri).searchParams.get('secret') ?? '', otpauthUri: uri };
  }

  /** A code from the app proves it works: the second factor is on from now, and the session is a full one. */
  async confirmTotp(officer: SignedInOfficer, code: string): Promise<void> {
    const stored = await this.officers.findById(officer.id);
    if (!stored?.totpSecret || stored.totpEnabledAt) {
      throw new RequestException('conflict', 'Start setting up the second factor first.');
    }
    const now = this.clock.now();
    const secret = Buffer.from(this.cipher.decryptJson<string>(stored.totpSecret), 'base64');
    const step = matchTotp(secret, code, now, null);
    if (step === null) {
      throw new RequestException('validation_failed', 'The code is wrong.', { fieldErrors: [{ path: 'code', code: 'invalid_value', message: 'Enter the 6-digit code your app shows now.' }] });
    }
    await this.transactions.run(async (tx) => {
      await this.officers.update(officer.id, { totpEnabledAt: now, totpLastStep: String(step) }, tx);
      await this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officer.id, action: 'officer_second_factor_enabled' });
    });
    await this.sessions.liftEnrolmentOnly(officer.sessionId);
  }

  /** Turning the second factor off needs a current code; admins cannot while it is required for them. */
  async disableTotp(officer: SignedInOfficer, code: string): Promise<void> {
    if (officer.role === 'admin' && this.config.console.totpRequiredForAdmins) {
      throw new RequestException('forbidden', 'Admins must keep a second factor on this installation.');
    }
    const stored = await this.officers.findById(officer.id);
    if (!stored?.totpSecret || !stored.totpEnabledAt) {
      throw new RequestException('conflict', 'No second factor is set up.');
    }
    const secret = Buffer.from(this.cipher.decryptJson<string>(stored.totpSecret), 'base64');
    const step = matchTotp(secret, code, this.clock.now(), stored.totpLastStep === null ? null : Number(stored.totpLastStep));
    if (step === null || !(await this.officers.takeTotpStep(officer.id, step))) {
      throw new RequestException('validation_failed', 'The code is wrong.', { fieldErrors: [{ path: 'code', code: 'invalid_value', message: 'Enter the 6-digit code your app shows now.' }] });
    }
    await this.transactions.run(async (tx) => {
      await this.officers.update(officer.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, tx);
      await this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officer.id, action: 'officer_second_factor_disabled' });
    });
  }

  private async fail(officerId: string, now: Date, factor: 'password' | 'second_factor'): Promise<void> {
    const { console: c } = this.config;
    const result = await this.officers.recordFailedLogin(officerId, now, c.lockoutThreshold, c.lockoutSeconds, c.lockoutMaxSeconds);
    await this.transactions.run((tx) =>
      this.audit.record(tx, {
        requestId: null,
        actorType: 'officer',
        actorId: officerId,
        action: 'officer_sign_in_failed',
        data: { factor, failedLogins: result.failedLogins, locked: result.lockedUntil !== null && result.lockedUntil.getTime() > now.getTime() },
      }),
    );
  }

  private locked(until: Date, now: Date): RequestException {
    return new RequestException('account_locked', 'Too many failed sign-ins; this account is locked for a while.', {
      retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
    });
  }
}
