import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { OfficerRole } from '@rightsdesk/domain';
import { OfficerEntity } from '../entities/officer.entity';
import { updateReturning } from './update-returning';

export type NewOfficer = Pick<OfficerEntity, 'id' | 'email' | 'displayName' | 'role' | 'passwordHash' | 'passwordChangedAt'>;

export type OfficerPatch = Partial<
  Pick<
    OfficerEntity,
    'displayName' | 'role' | 'passwordHash' | 'passwordChangedAt' | 'totpSecret' | 'totpEnabledAt' | 'totpLastStep' | 'disabledAt' | 'failedLogins' | 'lockedUntil'
  >
>;

@Injectable()
export class OfficerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(OfficerEntity);
  }

  /** False when the email is taken. */
  async add(officer: NewOfficer, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.dataSource).query<Array<{ id: string }>>(
      `INSERT INTO officer (id, email, display_name, role, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [officer.id, officer.email, officer.displayName, officer.role, officer.passwordHash, officer.passwordChangedAt],
    );
    return rows.length === 1;
  }

  findById(id: string, tx?: EntityManager): Promise<OfficerEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  findByEmail(email: string): Promise<OfficerEntity | null> {
    return this.repo().findOneBy({ email });
  }

  findByIds(ids: string[]): Promise<OfficerEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo().createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
  }

  list(): Promise<OfficerEntity[]> {
    return this.repo().find({ order: { createdAt: 'ASC' } });
  }

  /** Active officers with one of these roles (the digest's recipients). */
  listActive(roles: readonly OfficerRole[]): Promise<OfficerEntity[]> {
    return this.repo()
      .createQueryBuilder('o')
      .where('o.disabled_at IS NULL')
      .andWhere('o.role = ANY(:roles)', { roles: [...roles] })
      .orderBy('o.created_at', 'ASC')
      .getMany();
  }

  async count(): Promise<number> {
    return this.repo().count();
  }

  async countActiveAdmins(tx?: EntityManager): Promise<number> {
    return this.repo(tx).countBy({ role: 'admin', disabledAt: IsNull() });
  }

  async update(id: string, patch: OfficerPatch, tx?: EntityManager): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  /**
   * Counts a wrong password and, from `threshold` failures on, locks the account for
   * `baseSeconds` doubling with every further failure up to `maxSeconds`. One statement, so
   * concurrent guesses cannot each see the count before the other's increment.
   */
  async recordFailedLogin(id: string, at: Date, threshold: number, baseSeconds: number, maxSeconds: number): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const rows = await updateReturning<{ failed_logins: number; locked_until: Date | null }>(
      this.dataSource,
      `UPDATE officer SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $3
                THEN $2::timestamptz + make_interval(secs => LEAST($5::double precision, $4::double precision * power(2, failed_logins + 1 - $3)))
                ELSE locked_until END
        WHERE id = $1 RETURNING failed_logins, locked_until`,
      [id, at, threshold, baseSeconds, maxSeconds],
    );
    const row = rows[0];
    return { failedLogins: row?.failed_logins ?? 0, lockedUntil: row?.locked_until ?? null };
  }

  async recordLogin(id: string, at: Date, totpStep: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE officer SET failed_logins = 0, locked_until = NULL, last_login_at = $2,
              totp_last_step = COALESCE($3::bigint, totp_last_step)
        WHERE id = $1`,
      [id, at, totpStep],
    );
  }

  /** Takes a TOTP step for the officer unless it (or a later one) was already used: no replays. */
  async takeTotpStep(id: string, step: number): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE officer SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [id, step],
    );
    return rows.length === 1;
  }
}
