import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// Workflow settings an admin changes at run time (auto-approval, four-eyes), one row per key, so
// every api and worker process reads the same values.
@Entity({ name: 'console_setting' })
export class ConsoleSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
