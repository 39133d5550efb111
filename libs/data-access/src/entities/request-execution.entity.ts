import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';

// One row per approved request: who the subject is for the connectors (identities and the keys
// other systems resolved, encrypted) and which data map the run used. `run` grows with every retry
// so jobs of an older run recognise themselves as stale.
@Entity({ name: 'request_execution' })
export class RequestExecutionEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @OneToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  @Column({ type: 'integer', default: 1 })
  run!: number;

  @Column({ type: 'bytea' })
  subject!: Buffer;

  @Column({ name: 'datamap_sha256', type: 'char', length: 64 })
  datamapSha256!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
