import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import type { IntakeInput } from '@rightsdesk/domain';
import { AppIntake, FieldCipher } from '@rightsdesk/workflow';
import { deliverOutbox, linkFrom, type ApiHarness } from './api-harness';

let sequence = 0;

/** A unique address per request, so each test finds its own emails. */
export function anAddress(label: string): string {
  sequence += 1;
  return `${label}-${sequence}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export interface FiledRequest {
  id: string;
  reference: string;
  email: string;
}

/**
 * A verified request (awaiting_review), filed as the company's app would, on the harness clock.
 * Its status-link email is delivered and left in the sink.
 */
export async function aVerifiedRequest(h: ApiHarness, input: Partial<IntakeInput> & Pick<IntakeInput, 'type'>): Promise<FiledRequest> {
  const email = input.email ?? anAddress(input.type);
  const { reference } = await h.app.get(AppIntake).file({ country: 'DE', language: 'en', ...input, email } as IntakeInput, 'test-app');
  const [row] = await h.app.get(DataSource).query<Array<{ id: string }>>(`SELECT id FROM privacy_request WHERE reference = $1`, [reference]);
  await deliverOutbox(h);
  return { id: row.id, reference, email };
}

/** The status token in the newest email's status link. */
export function statusTokenOf(mail: ParsedMail): string {
  const token = linkFrom(mail.text ?? '', '/requests/status').searchParams.get('token');
  if (!token) {
    throw new Error('no status token in the email');
  }
  return token;
}

export interface StoredRequest {
  status: string;
  due_on: string;
  due_explanation: string;
  extended: boolean;
  holds: Array<{ from: string; to?: string }>;
  approval_proposed_by: string | null;
  channel: string;
  received_on: string;
  received_at: Date;
  verified_at: Date | null;
}

export async function stored(h: ApiHarness, id: string): Promise<StoredRequest> {
  const [row] = await h.app
    .get(DataSource)
    .query<StoredRequest[]>(
      `SELECT status, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_explanation, extended, holds, approval_proposed_by, channel,
              to_char(received_on, 'YYYY-MM-DD') AS received_on, received_at, verified_at
         FROM privacy_request WHERE id = $1`,
      [id],
    );
  return row;
}

export interface StoredAuditEvent {
  action: string;
  actor_type: string;
  actor_id: string | null;
  from_status: string | null;
  to_status: string | null;
  data: Record<string, unknown> | null;
}

export async function auditOf(h: ApiHarness, requestId: string, action: string): Promise<StoredAuditEvent[]> {
  return h.app
    .get(DataSource)
    .query<StoredAuditEvent[]>(
      `SELECT action, actor_type, actor_id, from_status, to_status, data FROM audit_event WHERE request_id = $1 AND action = $2 ORDER BY id`,
      [requestId, action],
    );
}

export interface StoredMessage {
  id: string;
  kind: string;
  author_type: string;
  author_id: string | null;
  text: string;
  raw: Buffer;
}

/** The request's messages with their bodies decrypted (and the raw column, to show it is not plaintext). */
export async function messagesOf(h: ApiHarness, requestId: string): Promise<StoredMessage[]> {
  const rows = await h.app
    .get(DataSource)
    .query<Array<{ id: string; kind: string; author_type: string; author_id: string | null; body: Buffer }>>(
      `SELECT id, kind, author_type, author_id, body FROM request_message WHERE request_id = $1 ORDER BY created_at, id`,
      [requestId],
    );
  const cipher = h.app.get(FieldCipher);
  return rows.map((row) => ({ ...row, text: cipher.decryptJson<string>(row.body), raw: row.body }));
}
