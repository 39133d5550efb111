import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class SuppressionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds digests; returns how many were not on the list yet. */
  async add(digests: Buffer[], source: string): Promise<number> {
    if (digests.length === 0) {
      return 0;
    }
    const rows = await this.dataSource.query<Array<{ email_sha256: Buffer }>>(
      `INSERT INTO suppression_entry (email_sha256, source)
       SELECT d, $2 FROM unnest($1::bytea[]) AS d
       ON CONFLICT (email_sha256) DO NOTHING RETURNING email_sha256`,
      [digests, source],
    );
    return rows.length;
  }

  async count(digests: Buffer[]): Promise<number> {
    if (digests.length === 0) {
      return 0;
    }
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM suppression_entry WHERE email_sha256 = ANY($1::bytea[])`,
      [digests],
    );
    return row?.n ?? 0;
  }

  async find(digest: Buffer): Promise<{ createdAt: Date } | null> {
    const [row] = await this.dataSource.query<Array<{ created_at: Date }>>(
      `SELECT created_at FROM suppression_entry WHERE email_sha256 = $1`,
      [digest],
    );
    return row ? { createdAt: row.created_at } : null;
  }
}
