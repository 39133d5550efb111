import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_INSERT_COLUMNS, AUDIT_UNNEST_SELECT, auditUnnest, keyedAuditArrays, type NewAuditEvent } from './audit-insert';
import {
  countDueSql,
  DUE_BATCH_RESULT,
  dueAfterSql,
  type DueBatch,
  type DueBatchRow,
  type DueItems,
  type DueRow,
  toDueBatch,
  toDueItems,
} from './due-items';

export type { DueBatch, DueItems } from './due-items';

/** Which requests a minimizing rule takes: all three conditions hold (null/false: no condition). */
export interface MinimizeSelection {
  statuses: readonly string[];
  /** Only requests that were never verified. */
  neverVerified: boolean;
  /** Only requests closed before this instant. */
  closedBefore: Date | null;
}

// Rightsdesk's retention of its own records (docs/retention.md). Each rule is a `due` SELECT naming
// its uuid key `key`; a dry run counts it, a batch takes the next page after a cursor and acts on
// it in the same statement, so every batch is one short implicit transaction.

// A used or expired link proves nothing any more. Links of a request still awaiting verification
// stay until the request expires, so a late click is told the link expired rather than that it
// was never valid (VerificationService tells the two apart by finding the token).
const TOKENS_DUE = `SELECT t.id AS key FROM verification_token t JOIN privacy_request r ON r.id = t.request_id
                     WHERE t.expires_at <= $1 AND r.status <> 'pending_verification'`;

const SESSIONS_DUE = `SELECT s.id AS key FROM officer_session s WHERE (s.expires_at <= $1 OR s.revoked_at <= $2)`;

const UPLOADS_DUE = `SELECT a.id AS key FROM request_attachment a JOIN privacy_request r ON r.id = a.request_id
                      WHERE (a.content IS NOT NULL OR a.file_name IS NOT NULL) AND r.status <> ALL($1::varchar[])`;

const REQUESTS_DUE = `SELECT r.id AS key FROM privacy_request r
                       WHERE r.minimized_at IS NULL AND r.status = ANY($1::varchar[])
                         AND (NOT $2::boolean OR r.verified_at IS NULL)
                         AND ($3::timestamptz IS NULL OR r.closed_at < $3::timestamptz)`;

// What stays of a minimized request is what the metrics and the CCPA report count (type, status,
// regime, country, dates, extension, holds, deny reason) and the audit trail. Gone: the encrypted
// personal data, the email's blind index (replaced by random bytes, so no address finds it), the
// status link, the conversation and uploads, verification links, unsent emails and sent ones'
// payloads, the execution's encrypted subject, the identity claims an authorized agent sent, and a
// GPC signal's link to the request (the signal's email hash stays, so the opt-out is never filed
// twice). The WHERE repeats the rule's conditions, so a request that changed since it was found is
// left alone, and a repeated batch changes nothing.
const MINIMIZE = `
  WITH m AS (
    UPDATE privacy_request
       SET personal_data = ''::bytea,
           email_lookup = uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()),
           dedup_key = NULL, status_token_hash = NULL, minimized_at = $5::timestamptz,
           updated_at = now(), version = version + 1
     WHERE id = ANY($1::uuid[]) AND minimized_at IS NULL AND status = ANY($2::varchar[])
       AND (NOT $3::boolean OR verified_at IS NULL)
       AND ($4::timestamptz IS NULL OR closed_at < $4::timestamptz)
    RETURNING id
  ), attachments AS (
    DELETE FROM request_attachment WHERE request_id IN (SELECT id FROM m)
  ), messages AS (
    DELETE FROM request_message WHERE request_id IN (SELECT id FROM m)
  ), tokens AS (
    DELETE FROM verification_token WHERE request_id IN (SELECT id FROM m)
  ), unsent AS (
    DELETE FROM outbox_message WHERE request_id IN (SELECT id FROM m) AND status = 'pending'
  ), sent AS (
    UPDATE outbox_message SET payload = NULL
     WHERE request_id IN (SELECT id FROM m) AND status <> 'pending' AND payload IS NOT NULL
  ), execution AS (
    UPDATE request_execution SET subject = ''::bytea WHERE request_id IN (SELECT id FROM m)
  ), agent AS (
    UPDATE drp_request SET claims = ''::bytea, status_callback = NULL, callback_settled = true WHERE request_id IN (SELECT id FROM m)
  ), gpc AS (
    UPDATE gpc_signal SET request_id = NULL WHERE request_id IN (SELECT id FROM m)
  ), audit AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS})
    SELECT ${AUDIT_UNNEST_SELECT} FROM ${auditUnnest(6)}
     WHERE x.key IN (SELECT id FROM m)
     ORDER BY x.n
  )
  SELECT count(*)::int AS n FROM m`;

function requestParams(selection: MinimizeSelection): unknown[] {
  return [[...selection.statuses], selection.neverVerified, selection.closedBefore];
}

@Injectable()
export class OwnDataRetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countDueVerificationTokens(asOf: Date, samples: number): Promise<DueItems> {
    return toDueItems((await this.dataSource.query<DueRow[]>(countDueSql(TOKENS_DUE, 2), [asOf, samples]))[0]);
  }

  async deleteDueVerificationTokens(asOf: Date, cursor: string | null, limit: number): Promise<DueBatch> {
    const rows = await this.dataSource.query<DueBatchRow[]>(
      `WITH due AS MATERIALIZED (${dueAfterSql(TOKENS_DUE, 't.id', 2)}),
            done AS (DELETE FROM verification_token WHERE id IN (SELECT key FROM due) RETURNING id)
       ${DUE_BATCH_RESULT}`,
      [asOf, cursor, limit],
    );
    return toDueBatch(rows[0]);
  }

  /** Sessions past their absolute expiry, or revoked at or before `revokedBefore`. */
  async countDueOfficerSessions(asOf: Date, revokedBefore: Date, samples: number): Promise<DueItems> {
    return toDueItems((await this.dataSource.query<DueRow[]>(countDueSql(SESSIONS_DUE, 3), [asOf, revokedBefore, samples]))[0]);
  }

  async deleteDueOfficerSessions(asOf: Date, revokedBefore: Date, cursor: string | null, limit: number): Promise<DueBatch> {
    const rows = await this.dataSource.query<DueBatchRow[]>(
      `WITH due AS MATERIALIZED (${dueAfterSql(SESSIONS_DUE, 's.id', 3)}),
            done AS (DELETE FROM officer_session WHERE id IN (SELECT key FROM due) RETURNING id)
       ${DUE_BATCH_RESULT}`,
      [asOf, revokedBefore, cursor, limit],
    );
    return toDueBatch(rows[0]);
  }

  /** Uploads still holding content or a file name whose request is in none of `undecided`. */
  async countDueUploads(undecided: readonly string[], samples: number): Promise<DueItems> {
    return toDueItems((await this.dataSource.query<DueRow[]>(countDueSql(UPLOADS_DUE, 2), [[...undecided], samples]))[0]);
  }

  /** As RequestAttachmentRepository.eraseContents does on a decision: size, type and hash stay. */
  async eraseDueUploads(undecided: readonly string[], at: Date, cursor: string | null, limit: number): Promise<DueBatch> {
    const rows = await this.dataSource.query<DueBatchRow[]>(
      `WITH due AS MATERIALIZED (${dueAfterSql(UPLOADS_DUE, 'a.id', 2)}),
            done AS (UPDATE request_attachment SET content = NULL, file_name = NULL, deleted_at = COALESCE(deleted_at, $4::timestamptz)
                      WHERE id IN (SELECT key FROM due) RETURNING id)
       ${DUE_BATCH_RESULT}`,
      [[...undecided], cursor, limit, at],
    );
    return toDueBatch(rows[0]);
  }

  async countMinimizable(selection: MinimizeSelection, samples: number): Promise<DueItems> {
    return toDueItems((await this.dataSource.query<DueRow[]>(countDueSql(REQUESTS_DUE, 4), [...requestParams(selection), samples]))[0]);
  }

  /** The ids of the next at most `limit` requests to minimize after `cursor`, in id order. */
  async findMinimizable(selection: MinimizeSelection, cursor: string | null, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ key: string }>>(dueAfterSql(REQUESTS_DUE, 'r.id', 4), [
      ...requestParams(selection),
      cursor,
      limit,
    ]);
    return rows.map((row) => row.key);
  }

  /**
   * Minimizes those of `ids` the selection still takes, with `audit[i]` recorded for `ids[i]` when
   * it was minimized, in one statement. Returns how many were minimized.
   */
  async minimize(ids: string[], selection: MinimizeSelection, at: Date, audit: NewAuditEvent[]): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const rows = await this.dataSource.query<Array<{ n: number }>>(MINIMIZE, [
      ids,
      ...requestParams(selection),
      at,
      ...keyedAuditArrays(ids, audit),
    ]);
    return rows[0]?.n ?? 0;
  }
}
