import { Column, Entity, PrimaryColumn } from 'typeorm';

// An account a children rule found to be under age, and the request it opened for officer review.
// The account is remembered by a keyed hash of its primary key, so the next run does not open a
// second request for the same child, and the table itself names nobody.
@Entity({ name: 'child_finding' })
export class ChildFindingEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'varchar', length: 200 })
  ruleId!: string;

  @PrimaryColumn({ name: 'key_hash', type: 'bytea' })
  keyHash!: Buffer;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'found_at', type: 'timestamptz' })
  foundAt!: Date;
}
