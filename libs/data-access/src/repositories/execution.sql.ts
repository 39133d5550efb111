import { AUDIT_INSERT_COLUMNS, auditSelectList } from './audit-insert';

// The execution steps' statements: each step is one statement (data-modifying CTEs) so a job
// costs a round trip or two, not a transaction's worth (see execution.repository.ts).
// A status change as TypeORM's update() writes it: the version and update timestamp move too.
export const REQUEST_STATUS_SET = `status = $3::varchar, updated_at = now(), version = version + 1`;

// The SET and WHERE of a system's end ($1–$11), with the status it must be in to end: a job ends
// any system not done yet (one that runs twice records, and certifies, once); a provider's answer
// only one still waiting for it.
function finishSystem(statusGuard: string): string {
  return `UPDATE system_execution
          SET status = $4::varchar, outcome = COALESCE($5::jsonb, outcome), outcome_sha256 = COALESCE($6::char(64), outcome_sha256),
              error_code = $7::varchar, error_message = $8::varchar, provider_reference = COALESCE($9::varchar, provider_reference),
              callback_deadline = $10::timestamptz,
              finished_at = CASE WHEN $4::varchar = 'awaiting_callback' THEN NULL ELSE $11::timestamptz END,
              updated_at = $11::timestamptz
        WHERE request_id = $1 AND system_key = $2 AND run = $3 AND ${statusGuard}`;
}

// One statement each for the hot path of a run (start, each system's claim and end, the close):
// a round trip costs more than the SQL on this hardware, and a single statement is its own
// transaction, so BEGIN and COMMIT go too. Dependent writes select from the guarding UPDATE's
// RETURNING, so nothing is written when it matched no row; the audit chain's deferred trigger
// still links the events at commit.
export const START_RUN = `
  WITH r AS (
    UPDATE privacy_request SET ${REQUEST_STATUS_SET} WHERE id = $1 AND status = $2 RETURNING id
  ), e AS (
    INSERT INTO request_execution (request_id, run, subject, datamap_sha256, started_at)
    SELECT r.id, 1, $4::bytea, $5::char(64), $6::timestamptz FROM r
  ), s AS (
    INSERT INTO system_execution (request_id, system_key, run, status)
    SELECT r.id, key, 1, 'pending' FROM r, unnest($7::varchar[]) AS key
  ), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) SELECT ${auditSelectList('r', 8)} FROM r
  )
  SELECT count(*)::int AS n FROM r`;

export const CLAIM_ATTEMPT = `
  WITH s AS (
    UPDATE system_execution
       SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, $4::timestamptz), updated_at = $4::timestamptz
     WHERE request_id = $1 AND system_key = $2 AND run = $3 AND status IN ('pending', 'running', 'failed')
     RETURNING request_id
  )
  SELECT r.id, r.type, r.status, r.personal_data, e.subject, e.datamap_sha256
    FROM s JOIN privacy_request r ON r.id = s.request_id LEFT JOIN request_execution e ON e.request_id = s.request_id`;

function finishWithAudit(statusGuard: string): string {
  return `
  WITH s AS (${finishSystem(statusGuard)} RETURNING request_id AS id), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) SELECT ${auditSelectList('s', 12)} FROM s
  )
  SELECT count(*)::int AS n FROM s`;
}

export const FINISH_WITH_AUDIT = finishWithAudit(`status <> 'done'`);

// A provider's late answer (callback or status poll): it ends the system only while the system is
// still waiting for it, so an answer that arrives after the system was failed as overdue (and the
// run closed) changes nothing.
export const FINISH_AWAITED_WITH_AUDIT = finishWithAudit(`status = 'awaiting_callback'`);

export const VIEW = `
  SELECT r.id, r.type, r.status, r.personal_data, r.language, r.reference, r.due_on::text AS due_on,
         e.run AS execution_run, e.subject, e.datamap_sha256,
         s.system_key, s.run, s.status AS system_status, s.attempts, s.outcome, s.outcome_sha256, s.error_code, s.error_message,
         s.provider_reference, s.callback_deadline, s.started_at, s.finished_at, s.updated_at
    FROM privacy_request r
    LEFT JOIN request_execution e ON e.request_id = r.id
    LEFT JOIN system_execution s ON s.request_id = r.id
   WHERE r.id = $1
   ORDER BY s.system_key`;

export const CLOSE_RUN = `
  WITH r AS (
    UPDATE privacy_request SET ${REQUEST_STATUS_SET}, closed_at = COALESCE($4::timestamptz, closed_at)
     WHERE id = $1 AND status = $2 RETURNING id
  ), e AS (
    UPDATE request_execution SET finished_at = $5::timestamptz FROM r WHERE request_execution.request_id = r.id AND $5::timestamptz IS NOT NULL
  ), p AS (
    INSERT INTO access_package (id, request_id, token_hash, expires_at, downloads_remaining, bytes, sha256)
    SELECT $6::uuid, r.id, $7::bytea, $8::timestamptz, $9::int, $10::bigint, $11::char(64) FROM r WHERE $6::uuid IS NOT NULL
  ), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS})
    SELECT r.id, x.actor_type, x.actor_id, x.action, x.from_status, x.to_status, x.reason, x.data::jsonb, x.occurred_at, x.content_hash
      FROM r, unnest($12::varchar[], $13::varchar[], $14::varchar[], $15::varchar[], $16::varchar[], $17::varchar[], $18::text[],
                     $19::timestamptz[], $20::char(64)[])
              WITH ORDINALITY AS x(actor_type, actor_id, action, from_status, to_status, reason, data, occurred_at, content_hash, n)
     ORDER BY x.n
  ), o AS (
    INSERT INTO outbox_message (id, request_id, channel, template, payload)
    SELECT $21::uuid, r.id, $22::varchar, $23::varchar, $24::bytea FROM r
  )
  SELECT count(*)::int AS n FROM r`;
