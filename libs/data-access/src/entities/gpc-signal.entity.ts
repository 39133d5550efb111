import { Column, Entity, PrimaryColumn } from 'typeorm';

// A Global Privacy Control signal honoured for one person: keyed by the keyed hash of their email
// (the same `email_lookup` as privacy_request), so however many api processes see the signal at
// once, the primary key lets exactly one of them file the opt-out. Never deleted when the signal
// stops: a later page without it does not withdraw the opt-out.
@Entity({ name: 'gpc_signal' })
export class GpcSignalEntity {
  @PrimaryColumn({ name: 'email_lookup', type: 'bytea' })
  emailLookup!: Buffer;

  /**
   * The opt_out request the signal filed. No foreign key: the row outlives the request, and when
   * retention minimizes that request this is cleared, so no email finds its way back to it.
   */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  /** Where the signal arrived: `status_page`, `verification`, `download`, `reply`, `app`. */
  @Column({ type: 'varchar', length: 20 })
  source!: string;

  @Column({ name: 'honoured_at', type: 'timestamptz' })
  honouredAt!: Date;
}
