import {
  type ActionContext,
  type ActionResult,
  type CollectionCount,
  type CollectionOutcome,
  type Connector,
  type ExportSink,
  type FieldCorrection,
  type ResolvedKeys,
  type Subject,
} from '../connector';
import { type FieldRef, type WebhookSystem } from '../datamap/datamap.types';
import { type ProviderCollectionReport } from './provider-answer.schema';
import { deliver } from './webhook-delivery';
import { buildWebhookPayload, idempotencyKey, type WebhookActionType } from './webhook-payload';
import { WebhookProviderError } from './webhook-provider.error';

export interface WebhookConnectorOptions {
  /** Resolved from the data map's `connection.url`. */
  url: string;
  /** Resolved from `connection.secret`; signs every request (HMAC-SHA256). */
  secret: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

export const MIN_WEBHOOK_SECRET_BYTES = 16;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A trusted service provider (a CRM, a help desk) that acts on our signed request. It answers at
 * once (200 with what it found and changed) or later (202, then a signed callback).
 */
export class WebhookConnector implements Connector {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(
    readonly system: WebhookSystem,
    private readonly options: WebhookConnectorOptions,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  private get where(): string {
    return `System "${this.system.key}" (webhook)`;
  }

  check(): Promise<string[]> {
    // Calling the provider would be a request it has to act on, so check() stays local.
    return Promise.resolve(this.configProblems());
  }

  resolveKeys(_subject: Subject, _wanted: FieldRef[]): Promise<ResolvedKeys> {
    return Promise.resolve({});
  }

  count(_subject: Subject): Promise<CollectionCount[]> {
    // A provider cannot be asked what it holds without being asked to act.
    return Promise.resolve(
      this.system.collections.map((collection) => ({ collection: collection.name, count: null })),
    );
  }

  access(subject: Subject, sink: ExportSink, context: ActionContext): Promise<ActionResult> {
    return this.act('access', subject, context, {}, sink);
  }

  erase(subject: Subject, context: ActionContext): Promise<ActionResult> {
    return this.act('erasure', subject, context);
  }

  rectify(subject: Subject, corrections: FieldCorrection[], context: ActionContext): Promise<ActionResult> {
    return this.act('rectification', subject, context, { corrections });
  }

  optOut(subject: Subject, context: ActionContext): Promise<ActionResult> {
    return this.act('opt_out', subject, context);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async act(
    type: WebhookActionType,
    subject: Subject,
    context: ActionContext,
    extra: { corrections?: FieldCorrection[] } = {},
    sink?: ExportSink,
  ): Promise<ActionResult> {
    const problems = this.configProblems();
    if (problems.length > 0) {
      throw new WebhookProviderError('config_invalid', problems.join('; '));
    }
    const payload = buildWebhookPayload(this.system, type, subject, context.requestId, {
      ...extra,
      optOutChannels: context.optOutChannels,
      callbackUrl: context.callbackUrl,
    });
    const answer = await deliver({
      url: this.options.url,
      secret: this.options.secret,
      body: JSON.stringify(payload),
      idempotencyKey: idempotencyKey(context.requestId, this.system.key, type),
      timeoutMs: this.system.connection.timeoutMs,
      now: this.now(),
      fetch: this.fetch,
      signal: context.signal,
      where: this.where,
    });
    if (answer.kind === 'accepted') {
      return { state: 'pending', providerReference: answer.reference };
    }
    const notes: string[] = [];
    const collections = this.outcomes(type, answer.report.collections, notes);
    if (sink) {
      await this.writeRecords(answer.report.records ?? {}, sink, notes);
    }
    return { state: 'done', collections, ...(notes.length > 0 ? { notes } : {}) };
  }

  private outcomes(
    type: WebhookActionType,
    reports: ProviderCollectionReport[],
    notes: string[],
  ): CollectionOutcome[] {
    const byName = new Map<string, ProviderCollectionReport>();
    const unknown: string[] = [];
    for (const report of reports) {
      if (!this.declares(report.collection)) {
        unknown.push(report.collection);
      } else if (!byName.has(report.collection)) {
        byName.set(report.collection, report);
      }
    }
    if (unknown.length > 0) {
      notes.push(
        `the provider reported ${describeNames(unknown)}, which the data map does not declare; ignored`,
      );
    }
    const outcomes: CollectionOutcome[] = [];
    const missing: string[] = [];
    for (const collection of this.system.collections) {
      const report = byName.get(collection.name);
      if (report) {
        outcomes.push({
          collection: collection.name,
          found: report.found,
          changed: report.changed,
          actions: [`provider:${type}`],
        });
      } else {
        missing.push(collection.name);
      }
    }
    if (missing.length > 0) {
      notes.push(`the provider did not report ${describeNames(missing)}`);
    }
    return outcomes;
  }

  private async writeRecords(
    records: Record<string, Array<Record<string, unknown>>>,
    sink: ExportSink,
    notes: string[],
  ): Promise<void> {
    const unknown: string[] = [];
    for (const [collection, rows] of Object.entries(records)) {
      if (!this.declares(collection)) {
        unknown.push(collection);
        continue;
      }
      for (const row of rows) {
        await sink.write(collection, row);
      }
    }
    if (unknown.length > 0) {
      notes.push(
        `the provider sent records for ${describeNames(unknown)}, which the data map does not declare; left out of the export`,
      );
    }
  }

  private declares(name: string): boolean {
    return this.system.collections.some((collection) => collection.name === name);
  }

  private configProblems(): string[] {
    const problems: string[] = [];
    // The URL itself stays out of messages: it may carry a token in its path or query.
    let url: URL | undefined;
    try {
      url = new URL(this.options.url);
    } catch {
      problems.push(`${this.where}: the URL is not a valid absolute URL`);
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push(`${this.where}: the URL must use https`);
    } else if (url?.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push(`${this.where}: the URL must use https; identities would cross the network unencrypted`);
    }
    if (Buffer.byteLength(this.options.secret, 'utf8') < MIN_WEBHOOK_SECRET_BYTES) {
      problems.push(
        `${this.where}: the signing secret must be at least ${MIN_WEBHOOK_SECRET_BYTES} bytes long`,
      );
    }
    return problems;
  }
}

// Collection names come from the provider: only plain identifiers are repeated in a note.
function describeNames(names: string[]): string {
  const safe = [...new Set(names.filter((name) => SAFE_NAME.test(name)))].map((name) => `"${name}"`);
  const others = names.filter((name) => !SAFE_NAME.test(name)).length;
  const parts: string[] = [];
  if (safe.length > 0) {
    parts.push(`collection${safe.length === 1 ? '' : 's'} ${safe.join(', ')}`);
  }
  if (others > 0) {
    parts.push(`${others} collection${others === 1 ? '' : 's'} whose name is not a plain identifier`);
  }
  return parts.join(' and ');
}

// Reached through the library's index, which lists this file.
export {
  parseProviderCallback,
  type ParsedProviderCallback,
  type ProviderCallback,
} from './provider-callback';
export { type ProviderCollectionReport } from './provider-answer.schema';
export { WebhookProviderError, type WebhookErrorCode } from './webhook-provider.error';
