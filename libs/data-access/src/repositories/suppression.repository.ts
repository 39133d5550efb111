import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SuppressionList } from '../entities/suppression-entry.entity';

@Injectable()
export class SuppressionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds digests to one list; returns how many were not on that list yet. */
  async add(digests: Buffer[], source: string, list: SuppressionList = 'marketing'): Promise<number> {
    if (digests.length === 0) {
      return 0;
    }
    const rows = await this.dataSource.query<Array<{ email_sha256: Buffer }>>(
      `INSERT INTO suppression_entry (email_sha256, list, source)
       SELECT d, $3, $2 FROM unnest($1::bytea[]) AS d
       ON CONFLICT (email_sha256, list) DO NOTHING RETURNING email_sha256`,
      [digests, source, list],
    );
    return rows.length;
  }

  /** How many of these digests are on the list (on either list when none is named). */
  async count(digests: Buffer[], list?: SuppressionList): Promise<number> {
    if (digests.length === 0) {
      return 0;
    }
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT email_sha256)::int AS n FROM suppression_entry
        WHERE email_sha256 = ANY($1::bytea[]) AND ($2::varchar IS NULL OR list = $2)`,
      [digests, list ?? null],
    );
    return row?.n ?? 0;
  }

  /** Since when the digest is on the list, or null when it is not. */
  async find(digest: Buffer, list: SuppressionList = 'marketing'): Promise<{ createdAt: Date } | null> {
    const [row] = await this.dataSource.query<Array<{ created_at: Date }>>(
      `SELECT created_at FROM suppression_entry WHERE email_sha256 = $1 AND list = $2`,
      [digest, list],
    );
    return row ? { createdAt: row.created_at } : null;
  }

  /** Since when the digest is on each list it is on: one round trip for the mailers' lookup. */
  async lists(digest: Buffer): Promise<Partial<Record<SuppressionList, Date>>> {
    const rows = await this.dataSource.query<Array<{ list: SuppressionList; created_at: Date }>>(
      `SELECT list, created_at FROM suppression_entry WHERE email_sha256 = $1`,
      [digest],
    );
    return Object.fromEntries(rows.map((row) => [row.list, row.created_at]));
  }
}
