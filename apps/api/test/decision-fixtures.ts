import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { verifyWebhookSignature } from '@rightsdesk/connectors';
import {
  AuditRepository,
  DatabaseTransactions,
  RequestAttachmentRepository,
  RequestMessageRepository,
} from '@rightsdesk/data-access';
import { startTestProvider, type TestProvider } from '@rightsdesk/testing';
import { FieldCipher } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { providerDataMap, uniqueEnvName } from './execution-fixtures';

export interface DecisionHarness {
  h: ApiHarness;
  provider: TestProvider;
  close(): Promise<void>;
}

/** The api with a data map (a provider by webhook and the suppression list), so approval can run. */
export async function startDecisionApi(): Promise<DecisionHarness> {
  const secret = `decisions-secret-${randomUUID()}`;
  const secretEnv = uniqueEnvName('PROVIDER_SECRET');
  const provider = await startTestProvider((call) => verifyWebhookSignature({ secret, ...call, now: new Date() }).ok);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-decisions-'));
  const dataMapPath = path.join(dir, 'datamap.yaml');
  await writeFile(dataMapPath, providerDataMap({ providerUrl: provider.url, secretEnv }));
  process.env[secretEnv] = secret;
  const h = await startApi({ DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
  return {
    h,
    provider,
    async close() {
      await h.close();
      await provider.stop();
      await rm(dir, { recursive: true, force: true });
      delete process.env[secretEnv];
    },
  };
}

/** Outbox templates written for a request, in order. */
export async function outboxTemplates(h: ApiHarness, requestId: string): Promise<string[]> {
  const rows = await h.app.get(DataSource).query<Array<{ template: string }>>(
    `SELECT template FROM outbox_message WHERE request_id = $1 ORDER BY created_at, id`,
    [requestId],
  );
  return rows.map((row) => row.template);
}

export async function auditEvents(h: ApiHarness, requestId: string) {
  return h.app.get(AuditRepository).findByRequest(requestId);
}

export async function auditActions(h: ApiHarness, requestId: string): Promise<string[]> {
  return (await auditEvents(h, requestId)).map((event) => event.action);
}

export interface RequestRow {
  status: string;
  assignee_id: string | null;
  approval_proposed_by: string | null;
  approval_proposed_at: Date | null;
  deny_reason: string | null;
  closed_at: Date | null;
  holds: Array<{ from: string; to?: string }>;
  dedup_key: Buffer | null;
}

export async function requestRow(h: ApiHarness, requestId: string): Promise<RequestRow> {
  const rows = await h.app.get(DataSource).query<RequestRow[]>(
    `SELECT status, assignee_id, approval_proposed_by, approval_proposed_at, deny_reason, closed_at, holds, dedup_key
       FROM privacy_request WHERE id = $1`,
    [requestId],
  );
  return rows[0];
}

/** The request's messages of one kind, decrypted. */
export async function messagesOf(h: ApiHarness, requestId: string, kind: string): Promise<Array<{ id: string; authorId: string | null; text: string }>> {
  const messages = await h.app.get(RequestMessageRepository).listByRequest(requestId, [kind as 'note']);
  return messages.map((m) => ({ id: m.id, authorId: m.authorId, text: h.app.get(FieldCipher).decryptJson<string>(m.body) }));
}

/** A file the requester uploaded with an answer, as the replies service stores it. */
export async function anUpload(h: ApiHarness, requestId: string): Promise<string> {
  const messageId = randomUUID();
  const attachmentId = randomUUID();
  const content = Buffer.from('%PDF-1.4 proof of age');
  const cipher = h.app.get(FieldCipher);
  await h.app.get(DatabaseTransactions).run(async (tx) => {
    await h.app.get(RequestMessageRepository).add(tx, {
      id: messageId,
      requestId,
      kind: 'requester_reply',
      authorType: 'requester',
      authorId: null,
      body: cipher.encryptJson('Here is the certificate.'),
    });
    await h.app.get(RequestAttachmentRepository).add(tx, {
      id: attachmentId,
      requestId,
      messageId,
      fileName: cipher.encryptBytes(Buffer.from('birth-certificate.pdf', 'utf8')),
      contentType: 'application/pdf',
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content: cipher.encryptBytes(content),
    });
  });
  return attachmentId;
}

/** Whether each upload of the request still has its content. */
export async function uploadsHeld(h: ApiHarness, requestId: string): Promise<boolean[]> {
  const rows = await h.app.get(DataSource).query<Array<{ held: boolean }>>(
    `SELECT content IS NOT NULL AND file_name IS NOT NULL AND deleted_at IS NULL AS held FROM request_attachment WHERE request_id = $1 ORDER BY created_at, id`,
    [requestId],
  );
  return rows.map((row) => row.held);
}

/** Puts a request on hold as the information-request action leaves it (an open hold from today). */
export async function putOnHold(h: ApiHarness, requestId: string, from: string): Promise<void> {
  await h.app.get(DataSource).query(`UPDATE privacy_request SET status = 'on_hold', holds = $2::jsonb WHERE id = $1`, [
    requestId,
    JSON.stringify([{ from }]),
  ]);
}
