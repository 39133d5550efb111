import { Column, Entity, PrimaryColumn } from 'typeorm';

// A legal hold an admin placed on a rule from the console (litigation, an authority's order): it
// suspends the rule like `legalHold: true` in the data map, without a redeploy.
@Entity({ name: 'retention_hold' })
export class RetentionHoldEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'varchar', length: 200 })
  ruleId!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'placed_by', type: 'uuid', nullable: true })
  placedBy!: string | null;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;
}
