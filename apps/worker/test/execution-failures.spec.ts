import { signWebhook, verifyWebhookSignature } from '@rightsdesk/connectors';
import { AuditRepository, ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { withPostgresClient } from '@rightsdesk/local-services';
import { startTestProvider, type TestProvider } from '@rightsdesk/testing';
import { ExecutionReconciler, ExecutionService, ProviderCallbackService } from '@rightsdesk/workflow';
import { heldFor } from './execution/company-fixture';
import { type ExecutionHarness, startExecutionHarness } from './execution/execution-harness';

const SECRET = 'provider-shared-secret-0123456789';

describe('execution engine: failures, retries, providers and the reconciler', () => {
  let h: ExecutionHarness;
  let provider: TestProvider;

  beforeAll(async () => {
    provider = await startTestProvider((call) => verifyWebhookSignature({ secret: SECRET, ...call, now: new Date() }).ok);
    h = await startExecutionHarness({ providerUrl: provider.url, env: { RECONCILE_AFTER_SECONDS: '5' } });
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await provider?.stop();
  });

  beforeEach(() => {
    provider.mode = 'complete';
  });

  const audit = (requestId: string) => h.worker().get(AuditRepository).findByRequest(requestId);
  const certificates = async (requestId: string, system: string) =>
    (await audit(requestId)).filter((e) => e.action === 'erasure_certificate' && (e.data as { system: string }).system === system);

  it('a system that keeps failing fails the request, names the system to the officers, and alone can be retried', async () => {
    provider.mode = 'fail';
    const id = await h.fileVerified({ type: 'erasure', email: 'ada@example.com' });
    await h.approve(id);
    expect(await h.waitForStatus(id, ['failed', 'completed'])).toBe('failed');

    const systems = (await h.worker().get(ExecutionRepository).view(id))!.systems;
    expect(systems.find((s) => s.systemKey === 'mailer')).toMatchObject({ status: 'failed', errorCode: 'provider_http_500', attempts: 2 });
    expect(systems.find((s) => s.systemKey === 'shop')).toMatchObject({ status: 'done' });
    expect(await heldFor(h.companyUrl, 'ada@example.com')).toMatchObject({ customers: 0 });
    const notice = await h.sink.waitForMessage((m) => (m.to as { text: string }).text.includes('privacy-team@example.com'));
    expect(notice.text).toContain('mailer');
    expect(notice.text).toContain('provider_http_500');
    expect(notice.text).not.toContain('ada@example.com');

    provider.mode = 'complete';
    const retried = await h.worker().get(ExecutionService).retry(id, 'mailer', { type: 'officer', id: 'test-officer' });
    expect(retried).toEqual(['mailer']);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
    // The store that had already been erased was not touched again.
    expect(await certificates(id, 'shop')).toHaveLength(1);
    expect(await certificates(id, 'mailer')).toHaveLength(1);
    expect((await audit(id)).map((e) => e.action)).toEqual(expect.arrayContaining(['request_failed', 'execution_retried', 'request_completed']));
  });

  it('a provider that accepts answers later through a signed callback', async () => {
    provider.mode = 'accept';
    const id = await h.fileVerified({ type: 'erasure', email: 'bob@example.com' });
    await h.approve(id);
    const executions = h.worker().get(ExecutionRepository);
    const waiting = async () => (await executions.findSystem(id, 'mailer'))?.status === 'awaiting_callback';
    for (let i = 0; i < 200 && !(await waiting()); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await waiting()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await h.worker().get(PrivacyRequestRepository).findById(id))!.status).toBe('in_progress');

    const body = JSON.stringify({ request_id: id, system_key: 'mailer', status: 'completed', collections: [{ collection: 'contacts', found: 1, changed: 1 }] });
    const timestamp = Math.floor(Date.now() / 1000);
    const callbacks = h.worker().get(ProviderCallbackService);
    await expect(
      callbacks.receive({ systemKey: 'mailer', timestamp: String(timestamp), signature: signWebhook('wrong-secret-0123456789', timestamp, body), rawBody: body }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await callbacks.receive({ systemKey: 'mailer', timestamp: String(timestamp), signature: signWebhook(SECRET, timestamp, body), rawBody: body })).toBe('recorded');
    expect(await callbacks.receive({ systemKey: 'mailer', timestamp: String(timestamp), signature: signWebhook(SECRET, timestamp, body), rawBody: body })).toBe('duplicate');
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
    expect(await certificates(id, 'mailer')).toHaveLength(1);
  });

  it('a provider that never calls back is failed by the reconciler after its deadline', async () => {
    provider.mode = 'accept';
    const id = await h.fileVerified({ type: 'erasure', email: 'nobody@example.com' });
    await h.approve(id);
    const executions = h.worker().get(ExecutionRepository);
    for (let i = 0; i < 200 && (await executions.findSystem(id, 'mailer'))?.status !== 'awaiting_callback'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    h.clock.shiftMs = 2 * 3_600_000;
    try {
      const report = await h.worker().get(ExecutionReconciler).reconcile();
      expect(report.overdue).toBe(1);
    } finally {
      h.clock.shiftMs = 0;
    }
    expect(await h.waitForStatus(id, ['failed', 'completed'])).toBe('failed');
    expect((await executions.findSystem(id, 'mailer'))!.errorCode).toBe('provider_callback_overdue');
  });

  it('the reconciler starts approved requests whose job never reached Redis', async () => {
    const id = await h.fileVerified({ type: 'erasure', email: 'carol@example.com' });
    // Approved in the database only, as if the process died between commit and enqueue.
    await withPostgresClient(h.config.database.url, (client) => client.query(`UPDATE privacy_request SET status = 'approved' WHERE id = $1`, [id]));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await h.worker().get(PrivacyRequestRepository).findById(id))!.status).toBe('approved');
    h.clock.shiftMs = 60_000;
    try {
      expect((await h.worker().get(ExecutionReconciler).reconcile()).started).toBe(1);
    } finally {
      h.clock.shiftMs = 0;
    }
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
  });
});
