import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

// The marketing suppression list: sha256 of normalized emails, never the emails. The company's
// mailers query it before sending, so an opt-out holds even for systems outside the data map.
@Entity({ name: 'suppression_entry' })
export class SuppressionEntryEntity {
  @PrimaryColumn({ name: 'email_sha256', type: 'bytea' })
  emailSha256!: Buffer;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
