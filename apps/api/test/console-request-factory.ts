import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type ClockHold,
  computeDeadline,
  type DenyReason,
  formatReference,
  type RegimeId,
  type RequestStatus,
  type RequestType,
  toCalendarDate,
} from '@rightsdesk/domain';
import { FieldCipher, KeyedHash } from '@rightsdesk/workflow';
import type { ApiHarness } from './api-harness';

export interface RequestSeed {
  type?: RequestType;
  status?: RequestStatus;
  regime?: RegimeId;
  country?: string;
  region?: string | null;
  channel?: string;
  email?: string;
  name?: string | null;
  /** ISO timestamp (microseconds allowed); default the test clock's now. */
  receivedAt?: string;
  /** Default the UTC date of receivedAt. */
  receivedOn?: string;
  /** Default the statutory due date from receivedOn. */
  dueOn?: string;
  extended?: boolean;
  /** Default: verified unless pending_verification or expired. */
  verified?: boolean;
  closedAt?: string | null;
  assigneeId?: string | null;
  holds?: ClockHold[];
  approvalProposedBy?: string | null;
  approvalProposedAt?: string | null;
  denyReason?: DenyReason | null;
}

export interface SeededRequest {
  id: string;
  reference: string;
  email: string;
  dueOn: string;
}

let sequence = 0;

/**
 * A request row written directly, for tests that need many requests in states the workflow would
 * take weeks to reach. Personal data is encrypted and the email blind-indexed as intake does it.
 */
export async function aRequest(h: ApiHarness, seed: RequestSeed = {}): Promise<SeededRequest> {
  sequence += 1;
  const type = seed.type ?? 'access';
  const status = seed.status ?? 'awaiting_review';
  const regime = seed.regime ?? 'gdpr';
  const email = seed.email ?? `subject-${sequence}-${randomBytes(3).toString('hex')}@example.com`;
  const receivedAt = seed.receivedAt ?? h.clock.now().toISOString();
  const receivedOn = seed.receivedOn ?? toCalendarDate(new Date(receivedAt));
  const deadline = computeDeadline({
    regime,
    type,
    receivedOn,
    extended: seed.extended ?? false,
    holds: seed.holds ?? [],
  });
  const dueOn = seed.dueOn ?? deadline.dueOn;
  const verified = seed.verified ?? !['pending_verification', 'expired'].includes(status);
  const id = randomUUID();
  const reference = formatReference(randomBytes(10));
  await h.app.get(DataSource).query(
    `INSERT INTO privacy_request (id, reference, type, status, regime, country, region, language, channel, email_lookup,
       personal_data, received_at, received_on, due_on, due_explanation, extended, verified_at, closed_at, assignee_id, holds,
       approval_proposed_by, approval_proposed_at, deny_reason, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'en', $8, $9, $10, $11::timestamptz, $12, $13, $14, $15, CASE WHEN $16 THEN $11::timestamptz END,
       $17::timestamptz, $18, $19::jsonb, $20, $21::timestamptz, $22, 1)`,
    [
      id,
      reference,
      type,
      status,
      regime,
      seed.country ?? (regime === 'ccpa' ? 'US' : 'DE'),
      seed.region ?? (regime === 'ccpa' ? 'CA' : null),
      seed.channel ?? 'web',
      h.app.get(KeyedHash).email(email),
      h.app.get(FieldCipher).encryptJson({ email, name: seed.name ?? null, details: null }),
      receivedAt,
      receivedOn,
      dueOn,
      deadline.explanation,
      seed.extended ?? false,
      verified,
      seed.closedAt ?? null,
      seed.assigneeId ?? null,
      JSON.stringify(seed.holds ?? []),
      seed.approvalProposedBy ?? null,
      seed.approvalProposedAt ?? null,
      seed.denyReason ?? null,
    ],
  );
  return { id, reference, email, dueOn };
}
