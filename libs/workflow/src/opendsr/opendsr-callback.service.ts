import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { callbackSchema, OpenDsrConnector, type SignatureVerdict } from '@rightsdesk/connectors';
import { ExecutionRepository } from '@rightsdesk/data-access';
import { RequestException } from '@rightsdesk/domain';
import { DataMapProvider } from '../execution/data-map.provider';
import { callbackUrlFor } from './callback-url';
import { type OpenDsrOutcome, OpenDsrOutcomes } from './opendsr-outcomes.service';

export interface OpenDsrCallbackInput {
  systemKey: string;
  /** X-OpenDSR-Processor-Domain (or X-OpenGDPR-…). */
  domain: string | undefined;
  /** X-OpenDSR-Signature (or X-OpenGDPR-…). */
  signature: string | undefined;
  rawBody: Buffer;
}

// A processor's status callback (spec 8.6–8.8): the domain must be allow-listed, the certificate
// from its discovery valid for that domain, the signature right over the raw bytes — all before the
// body is parsed — and the callback must be for this receiver and a request still waiting.
@Injectable()
export class OpenDsrCallbackService {
  private readonly logger = new Logger(OpenDsrCallbackService.name);

  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly executions: ExecutionRepository,
    private readonly outcomes: OpenDsrOutcomes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(input: OpenDsrCallbackInput): Promise<OpenDsrOutcome> {
    const system = this.dataMap.configured ? this.dataMap.system(input.systemKey) : undefined;
    const connector = system?.kind === 'opendsr' ? this.dataMap.connector(system.key) : undefined;
    if (system?.kind !== 'opendsr' || !(connector instanceof OpenDsrConnector)) {
      throw new RequestException('not_found', 'No OpenDSR system by that name.');
    }
    const verdict = await connector.verifySigned({ domain: input.domain, signature: input.signature, body: input.rawBody });
    if (!verdict.ok) {
      this.logger.warn({ system: system.key, reason: verdict.reason }, 'opendsr callback refused');
      throw refusal(verdict);
    }
    let body: unknown;
    try {
      body = JSON.parse(input.rawBody.toString('utf8'));
    } catch {
      throw new RequestException('malformed_body', 'The callback body is not JSON.');
    }
    const parsed = callbackSchema.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.') || '(body)');
      throw new RequestException('validation_failed', `The callback does not match OpenDSR 8.6 (check ${fields.join(', ')}).`);
    }
    const callback = parsed.data;
    // Spec 8.8 step 6: a callback meant for another receiver is not ours to act on.
    if (callback.status_callback_url !== callbackUrlFor(this.config.http.publicUrl, system.key, 'opendsr')) {
      throw new RequestException('validation_failed', 'status_callback_url is not this receiver.');
    }
    const waiting = await this.executions.findAwaitingByReference(system.key, callback.subject_request_id);
    if (!waiting) {
      // Already recorded (a processor retrying, a replay) or never asked: nothing to change, and no
      // way to probe which requests exist.
      return 'duplicate';
    }
    return this.outcomes.record(system, waiting, callback.request_status, 'callback');
  }
}

// Security guidelines §5: 401 for a domain or certificate that fails; the spec (8.8) says 403 for a
// signature that does not validate.
function refusal(verdict: Extract<SignatureVerdict, { ok: false }>): RequestException {
  switch (verdict.reason) {
    case 'domain_not_allowed':
      return new RequestException('unauthorized', 'The processor domain is missing or not allow-listed for this system.');
    case 'certificate_invalid':
      return new RequestException('unauthorized', `The processor certificate is not acceptable: ${verdict.detail}.`);
    case 'processor_unreachable':
      return new RequestException('unauthorized', 'The processor certificate could not be fetched to check the signature; send the callback again later.');
    case 'bad_signature':
      return new RequestException('forbidden', 'The signature does not match the body and the processor certificate.');
  }
}
