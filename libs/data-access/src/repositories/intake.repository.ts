import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PrivacyRequestEntity } from '../entities/privacy-request.entity';
import { AUDIT_INSERT_COLUMNS, auditInsertValues, type NewAuditEvent } from './audit-insert';
import type { NewOutboxMessage } from './outbox.repository';
import type { NewVerificationToken } from './verification-token.repository';

/** Everything a new request writes: the request, its link token, the email, the audit event. */
export interface NewFiling {
  request: PrivacyRequestEntity;
  token: Omit<NewVerificationToken, 'requestId'>;
  message: NewOutboxMessage;
  audit: NewAuditEvent;
}

const REQUEST_COLUMNS = [
  'id',
  'reference',
  'type',
  'status',
  'regime',
  'country',
  'region',
  'language',
  'channel',
  'email_lookup',
  'dedup_key',
  'personal_data',
  'received_at',
  'received_on',
  'due_on',
  'due_explanation',
  'extended',
  'verified_at',
  'verification_failures',
  'verification_sent_at',
  'status_token_hash',
  'closed_at',
];

// One statement, so one round trip and an implicit transaction: on this hardware a system call
// costs more than the SQL, and intake is the endpoint the public can hammer. The dependent
// inserts select from the request's RETURNING, so nothing is written when the request isn't.
const INSERT_FILING = `
  WITH r AS (
    INSERT INTO privacy_request (${REQUEST_COLUMNS.join(', ')}, version)
    VALUES (${REQUEST_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, 1)
    ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
    RETURNING id
  ), t AS (
    INSERT INTO verification_token (id, request_id, token_hash, expires_at)
    SELECT $23::uuid, r.id, $24::bytea, $25::timestamptz FROM r
  ), o AS (
    INSERT INTO outbox_message (id, request_id, channel, template, payload)
    SELECT $26::uuid, r.id, $27::varchar, $28::varchar, $29::bytea FROM r
  ), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS})
    SELECT $30::uuid, $31::varchar, $32::varchar, $33::varchar, $34::varchar, $35::varchar, $36::varchar, $37::jsonb,
           $38::timestamptz, $39::char(64)
      FROM r
  )
  SELECT count(*)::int AS inserted FROM r`;

@Injectable()
export class IntakeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a new request with its token, email and audit event, unless an unverified request with
   * the same dedup key exists (then nothing is written and the answer is false). Runs in `tx` when
   * given, else as its own transaction.
   */
  async insertIfNew(filing: NewFiling, tx?: EntityManager): Promise<boolean> {
    const values = filingValues(filing);
    if (tx) {
      const rows = await tx.query<Array<{ inserted: number }>>(INSERT_FILING, values);
      return rows[0]?.inserted === 1;
    }
    // A named statement is parsed once per connection; afterwards only the parameters travel.
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const result = await pool.query<{ inserted: number }>({
      name: 'rightsdesk_insert_filing',
      text: INSERT_FILING,
      values,
    });
    return result.rows[0]?.inserted === 1;
  }

  /**
   * A request that starts verified (logged by an officer, filed by the company's app) or without
   * the portal's dedup: written in the caller's transaction with its email and audit events.
   */
  async insertRequest(tx: EntityManager, request: PrivacyRequestEntity): Promise<void> {
    await tx.getRepository(PrivacyRequestEntity).insert(request);
  }
}

function filingValues({ request: r, token, message, audit }: NewFiling): unknown[] {
  return [
    r.id,
    r.reference,
    r.type,
    r.status,
    r.regime,
    r.country,
    r.region,
    r.language,
    r.channel,
    r.emailLookup,
    r.dedupKey,
    r.personalData,
    r.receivedAt,
    r.receivedOn,
    r.dueOn,
    r.dueExplanation,
    r.extended,
    r.verifiedAt,
    r.verificationFailures,
    r.verificationSentAt,
    r.statusTokenHash,
    r.closedAt,
    token.id,
    token.tokenHash,
    token.expiresAt,
    message.id,
    message.channel,
    message.template,
    message.payload,
    ...auditInsertValues({ ...audit, requestId: r.id }),
  ];
}
