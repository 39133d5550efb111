import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const SUPPRESSION_LISTS = ['marketing', 'sale_sharing'] as const;
export type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

// The suppression lists: sha256 of normalized emails, never the emails. `marketing`: the company's
// mailers query it before sending, so an opt-out holds even for systems outside the data map.
// `sale_sharing`: "do not sell or share my personal information" (CCPA §1798.120), which the
// company's ad-tech checks before passing a person's data on.
@Entity({ name: 'suppression_entry' })
@Check('CHK_suppression_entry_list', `"list" IN ('marketing', 'sale_sharing')`)
export class SuppressionEntryEntity {
  @PrimaryColumn({ name: 'email_sha256', type: 'bytea' })
  emailSha256!: Buffer;

  @PrimaryColumn({ name: 'list', type: 'varchar', length: 20, default: 'marketing' })
  list!: SuppressionList;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
