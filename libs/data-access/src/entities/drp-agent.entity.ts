import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

// An authorized agent of the Data Rights Protocol, registered by an admin from the agent's entry in
// the DRP directory. `id` is the agent's own `agent-id`; the verify key is its raw Ed25519 public key.
@Entity({ name: 'drp_agent' })
export class DrpAgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'verify_key', type: 'bytea' })
  verifyKey!: Buffer;

  @Column({ name: 'technical_contact', type: 'varchar', length: 254 })
  technicalContact!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
