import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface GpcSignalClaim {
  emailLookup: Buffer;
  requestId: string;
  source: string;
  honouredAt: Date;
}

@Injectable()
export class GpcSignalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** When the person's signal was honoured, or null when it never was. */
  async honouredAt(emailLookup: Buffer): Promise<Date | null> {
    const [row] = await this.dataSource.query<Array<{ honoured_at: Date }>>(
      `SELECT honoured_at FROM gpc_signal WHERE email_lookup = $1`,
      [emailLookup],
    );
    return row?.honoured_at ?? null;
  }

  /**
   * Claims the person's one GPC opt-out in the caller's transaction; false when another call got
   * there first. A concurrent claim waits on the primary key until the first commits, then finds
   * the row: exactly one filing whatever the number of api processes.
   */
  async claim(tx: EntityManager, claim: GpcSignalClaim): Promise<boolean> {
    const rows = await tx.query<Array<{ request_id: string }>>(
      `INSERT INTO gpc_signal (email_lookup, request_id, source, honoured_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email_lookup) DO NOTHING RETURNING request_id`,
      [claim.emailLookup, claim.requestId, claim.source, claim.honouredAt],
    );
    return rows.length === 1;
  }
}
