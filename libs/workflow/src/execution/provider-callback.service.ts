import { Injectable, Logger } from '@nestjs/common';
import { parseProviderCallback, resolveConfigValue, verifyWebhookSignature, type WebhookSystem } from '@rightsdesk/connectors';
import { ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { RequestException } from '@rightsdesk/domain';
import { errorSummary } from '@rightsdesk/queue';
import { PackageStore } from '../access-package';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';
import { DataMapProvider } from './data-map.provider';
import { ExecutionReconciler } from './execution-reconciler.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProviderCallbackInput {
  systemKey: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
}

// A provider answering later: authenticated by the system's shared secret (HMAC over timestamp and
// body, five-minute window), matched to a system that is waiting for it, recorded once.
@Injectable()
export class ProviderCallbackService {
  private readonly logger = new Logger(ProviderCallbackService.name);

  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly requests: PrivacyRequestRepository,
    private readonly executions: ExecutionRepository,
    private readonly audit: AuditTrail,
    private readonly packages: PackageStore,
    private readonly reconciler: ExecutionReconciler,
    private readonly clock: Clock,
  ) {}

  async receive(input: ProviderCallbackInput): Promise<'recorded' | 'duplicate'> {
    const system = this.dataMap.configured ? this.dataMap.system(input.systemKey) : undefined;
    if (system?.kind !== 'webhook') {
      throw new RequestException('not_found', 'No provider system by that name.');
    }
    this.authenticate(system, input);
    let body: unknown;
    try {
      body = JSON.parse(input.rawBody);
    } catch {
      throw new RequestException('malformed_body', 'The callback body is not JSON.');
    }
    const parsed = parseProviderCallback(body);
    if (!parsed.ok) {
      throw new RequestException('validation_failed', `The callback does not match the schema: ${parsed.error}`);
    }
    const callback = parsed.value;
    // Our request ids are UUIDs; anything else cannot be waiting (and would make PostgreSQL throw).
    const waiting = UUID.test(callback.requestId) ? await this.executions.findAwaiting(callback.requestId, system.key) : null;
    const request = waiting ? await this.requests.findById(callback.requestId) : null;
    if (!waiting || !request) {
      // Already recorded (a provider retrying) or never asked: nothing to change, and no way to
      // probe which request ids exist.
      return 'duplicate';
    }
    if (request.type === 'access' && callback.status === 'completed' && callback.records) {
      await this.writeRecords(request.id, system, callback.records);
    }
    const now = this.clock.now();
    const completed = callback.status === 'completed';
    const recorded = await this.executions.finishWithAudit(
      request.id,
      system.key,
      waiting.run,
      {
        status: completed ? 'done' : 'failed',
        outcome: completed ? { collections: callback.collections.map(withActions) } : null,
        errorCode: completed ? null : 'provider_reported_failure',
        at: now,
      },
      this.audit.event({
        requestId: request.id,
        actorType: 'system',
        action: completed ? (request.type === 'erasure' || request.type === 'child_data_removal' ? 'erasure_certificate' : 'provider_completed') : 'system_failed',
        data: {
          system: system.key,
          systemTitle: system.title,
          run: waiting.run,
          completedAt: now.toISOString(),
          collections: callback.collections,
          ...(completed ? {} : { errorCode: 'provider_reported_failure' }),
        },
      }),
    );
    if (recorded) {
      await this.reconciler.enqueueFinalize(request.id, waiting.run, `callback-${system.key}`).catch((error: unknown) => {
        this.logger.warn({ requestId: request.id, error: errorSummary(error) }, 'could not queue finalize; the reconciler will');
      });
    }
    return recorded ? 'recorded' : 'duplicate';
  }

  private authenticate(system: WebhookSystem, input: ProviderCallbackInput): void {
    const secret = resolveConfigValue(system.connection.secret, process.env);
    const verdict = verifyWebhookSignature({
      secret,
      timestamp: input.timestamp,
      signature: input.signature,
      body: input.rawBody,
      now: this.clock.now(),
    });
    if (!verdict.ok) {
      throw new RequestException('unauthorized', 'The callback signature is missing, expired or wrong.');
    }
  }

  private async writeRecords(requestId: string, system: WebhookSystem, records: Record<string, unknown[]>): Promise<void> {
    const declared = new Set(system.collections.map((c) => c.name));
    const sink = this.packages.partSink(requestId, system.key);
    try {
      for (const [collection, rows] of Object.entries(records)) {
        if (!declared.has(collection)) {
          continue;
        }
        for (const row of rows) {
          await sink.write(collection, row as Record<string, unknown>);
        }
      }
      await sink.close();
    } catch (error) {
      await sink.abort();
      throw error;
    }
  }
}

function withActions(collection: { collection: string; found: number; changed: number }) {
  return { ...collection, actions: ['provider'] };
}
