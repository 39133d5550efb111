import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

// Server-to-server credentials (the suppression lookup). The secret part is stored as a keyed hash;
// `prefix` is the public part shown in lists and logs so a key can be recognised and revoked.
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('api_key_prefix_key', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash!: Buffer;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
