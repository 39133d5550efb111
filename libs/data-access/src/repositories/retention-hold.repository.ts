import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RetentionHoldEntity } from '../entities/retention-hold.entity';
import { updateReturning } from './update-returning';

@Injectable()
export class RetentionHoldRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<RetentionHoldEntity[]> {
    return this.dataSource.getRepository(RetentionHoldEntity).find({ order: { ruleId: 'ASC' } });
  }

  async find(ruleId: string): Promise<RetentionHoldEntity | null> {
    return this.dataSource.getRepository(RetentionHoldEntity).findOneBy({ ruleId });
  }

  /** Places or re-words the hold; returns false when the rule was already held (the reason is updated). */
  async place(tx: EntityManager, hold: RetentionHoldEntity): Promise<boolean> {
    const rows = await tx.query<Array<{ inserted: boolean }>>(
      `INSERT INTO retention_hold (rule_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (rule_id) DO UPDATE SET reason = EXCLUDED.reason
       RETURNING (xmax = 0) AS inserted`,
      [hold.ruleId, hold.reason, hold.placedBy, hold.placedAt],
    );
    return rows[0].inserted;
  }

  /** Returns the hold that was lifted, or null when there was none. */
  async lift(tx: EntityManager, ruleId: string): Promise<RetentionHoldEntity | null> {
    const rows = await updateReturning<{ rule_id: string; reason: string; placed_by: string | null; placed_at: Date }>(
      tx,
      `DELETE FROM retention_hold WHERE rule_id = $1 RETURNING *`,
      [ruleId],
    );
    const row = rows[0];
    return row
      ? Object.assign(new RetentionHoldEntity(), { ruleId: row.rule_id, reason: row.reason, placedBy: row.placed_by, placedAt: row.placed_at })
      : null;
  }
}
