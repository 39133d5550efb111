import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class ChildFindingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these account key hashes a rule has already found (and opened a request for). */
  async known(ruleId: string, keyHashes: Buffer[]): Promise<Set<string>> {
    if (keyHashes.length === 0) {
      return new Set();
    }
    const rows = await this.dataSource.query<Array<{ key_hash: Buffer }>>(
      `SELECT key_hash FROM child_finding WHERE rule_id = $1 AND key_hash = ANY($2::bytea[])`,
      [ruleId, keyHashes],
    );
    return new Set(rows.map((row) => row.key_hash.toString('hex')));
  }

  /** Remembers a finding; false when another worker recorded the same account first. */
  async record(tx: EntityManager, ruleId: string, keyHash: Buffer, requestId: string, foundAt: Date): Promise<boolean> {
    const rows = await tx.query<Array<{ rule_id: string }>>(
      `INSERT INTO child_finding (rule_id, key_hash, request_id, found_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING rule_id`,
      [ruleId, keyHash, requestId, foundAt],
    );
    return rows.length === 1;
  }
}
