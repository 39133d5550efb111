import type { X509Certificate } from 'node:crypto';
import type {
  ActionContext,
  ActionResult,
  CollectionCount,
  Connector,
  ExportSink,
  FieldCorrection,
  ResolvedKeys,
  Subject,
} from '../connector';
import type { FieldRef, OpenDsrSystem } from '../datamap/datamap.types';
import { buildRequestBody, emailIdentities } from './opendsr-request-body';
import { callProcessor, parseJson, type ProcessorAnswer } from './opendsr-http';
import {
  type DiscoveryDocument,
  discoverySchema,
  DOMAIN_HEADERS,
  describeIssues,
  type OpenDsrRequestStatus,
  type OpenDsrRequestType,
  openDsrPaths,
  requestReceiptSchema,
  SIGNATURE_HEADERS,
  statusSchema,
  subjectRequestId as subjectRequestIdSchema,
} from './opendsr-protocol';
import { OpenDsrError } from './opendsr.error';
import { certificateProblem, parseCertificates, signatureMatches } from './processor-certificate';
import { subjectRequestIdFor } from './subject-request-id';

export interface OpenDsrConnectorOptions {
  /** Resolved from `connection.url`: the processor's OpenDSR root. */
  url: string;
  /** Resolved from `connection.token`. */
  token?: string;
  /** Resolved from `connection.trustedCertificates`: PEM roots trusted besides Node's CAs. */
  trustedCertificates?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How long a discovery document and its certificate are reused; one hour by default. */
  discoveryTtlMs?: number;
}

/** What a signed message (callback or answer) carries besides its body. */
export interface SignedMessage {
  domain: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

export type SignatureVerdict =
  | { ok: true; domain: string }
  | { ok: false; reason: 'domain_not_allowed' | 'certificate_invalid' | 'bad_signature' | 'processor_unreachable'; detail: string };

interface Trust {
  discovery: DiscoveryDocument;
  /** Lower case host of `processor_certificate`. */
  certificateHost: string;
  chain: X509Certificate[];
  fetchedAt: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// A signature that fails with a cached certificate triggers one fresh discovery, at most this often,
// so a processor that rotated its certificate is believed and a flood of forgeries is not amplified.
const REFRESH_AFTER_FAILURE_MS = 60_000;
const DEFAULT_DISCOVERY_TTL_MS = 3_600_000;

/**
 * A processor that takes data subject requests by the OpenDSR specification (v2, or OpenGDPR v1):
 * we POST a request, the processor answers 201 and later calls back, signed with the certificate
 * its discovery document names; we can also ask for the status and cancel.
 */
export class OpenDsrConnector implements Connector {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly extraRoots: X509Certificate[];
  private trust: Trust | undefined;
  private loading: Promise<Trust> | undefined;
  private lastFailureRefresh = 0;

  constructor(
    readonly system: OpenDsrSystem,
    private readonly options: OpenDsrConnectorOptions,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
    this.extraRoots = options.trustedCertificates ? parseCertificates(options.trustedCertificates) : [];
  }

  private get where(): string {
    return `System "${this.system.key}" (opendsr)`;
  }

  private get paths(): { discovery: string; requests: string } {
    const root = this.options.url.replace(/\/+$/, '');
    const paths = openDsrPaths(this.system.connection.version);
    return { discovery: `${root}${paths.discovery}`, requests: `${root}${paths.requests}` };
  }

  /** Reads the discovery document and certificate (a GET the processor does not act on). */
  async check(): Promise<string[]> {
    const problems = this.configProblems();
    if (problems.length > 0) {
      return problems;
    }
    try {
      const trust = await this.loadTrust();
      const domain = trust.certificateHost;
      const certificate = certificateProblem(trust.chain, domain, this.now(), { extraRoots: this.extraRoots });
      return certificate ? [`${this.where}: ${certificate}`] : [];
    } catch (error) {
      return [(error as Error).message];
    }
  }

  resolveKeys(_subject: Subject, _wanted: FieldRef[]): Promise<ResolvedKeys> {
    return Promise.resolve({});
  }

  count(_subject: Subject): Promise<CollectionCount[]> {
    // A processor cannot be asked what it holds without being asked to act.
    return Promise.resolve(this.system.collections.map((collection) => ({ collection: collection.name, count: null })));
  }

  async access(subject: Subject, _sink: ExportSink, context: ActionContext): Promise<ActionResult> {
    const trust = await this.currentTrust();
    const type = this.system.accessAs;
    if (!trust.discovery.supported_subject_request_types.includes(type)) {
      // Many processors take erasures only; that must not fail every access request.
      return { state: 'done', collections: [], notes: [`the processor does not take ${type} requests (its discovery document)`] };
    }
    return this.submit(type, subject, context, trust);
  }

  async erase(subject: Subject, context: ActionContext): Promise<ActionResult> {
    const trust = await this.currentTrust();
    if (!trust.discovery.supported_subject_request_types.includes('erasure')) {
      throw new OpenDsrError('processor_unsupported', `${this.where}: the processor's discovery document does not list erasure`);
    }
    return this.submit('erasure', subject, context, trust);
  }

  rectify(_subject: Subject, _corrections: FieldCorrection[], _context: ActionContext): Promise<ActionResult> {
    return Promise.resolve({ state: 'done', collections: [], notes: ['OpenDSR has no rectification request; nothing was sent'] });
  }

  optOut(_subject: Subject, _context: ActionContext): Promise<ActionResult> {
    return Promise.resolve({ state: 'done', collections: [], notes: ['OpenDSR has no opt-out request; nothing was sent'] });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** The id a request of this run is (or will be) known by at the processor. */
  subjectRequestId(context: Pick<ActionContext, 'hashSalt' | 'requestId' | 'run'>): string {
    return subjectRequestIdFor(context.hashSalt, context.requestId, context.run ?? 1);
  }

  /** Section 8.1: the processor's word on a request, signature checked. */
  async status(subjectRequestId: string): Promise<OpenDsrRequestStatus> {
    const answer = await this.call('GET', `${this.paths.requests}/${this.checkedId(subjectRequestId)}`);
    if (answer.status !== 200) {
      throw new OpenDsrError(`processor_http_${answer.status}`, `${this.where}: the status request was answered HTTP ${answer.status}`);
    }
    await this.requireSigned(answer);
    const parsed = statusSchema.safeParse(parseJson(answer, this.where, 'status'));
    if (!parsed.success || parsed.data.subject_request_id !== subjectRequestId) {
      throw new OpenDsrError('processor_bad_response', `${this.where}: unexpected status answer (${parsed.success ? 'another subject_request_id' : describeIssues(parsed.error)})`);
    }
    return parsed.data.request_status;
  }

  /** Section 9: asks the processor to cancel; true when it accepted (202). */
  async cancel(subjectRequestId: string): Promise<boolean> {
    const answer = await this.call('DELETE', `${this.paths.requests}/${this.checkedId(subjectRequestId)}`);
    if (answer.status !== 202) {
      // The spec allows cancelling only while pending; a processor already at work refuses.
      return false;
    }
    await this.requireSigned(answer);
    return true;
  }

  /**
   * Security guidelines §1–3, in order: the domain is allow-listed, the certificate its discovery
   * names is valid for it, and the signature covers these exact bytes. Nothing is parsed before.
   */
  async verifySigned(message: SignedMessage): Promise<SignatureVerdict> {
    const domain = message.domain?.trim().toLowerCase() ?? '';
    if (!this.system.connection.allowedDomains.includes(domain)) {
      return { ok: false, reason: 'domain_not_allowed', detail: 'the processor domain is missing or not allow-listed for this system' };
    }
    let trust: Trust;
    try {
      trust = await this.currentTrust();
    } catch (error) {
      const code = (error as OpenDsrError).code;
      return code === 'processor_certificate_invalid'
        ? { ok: false, reason: 'certificate_invalid', detail: (error as Error).message }
        : { ok: false, reason: 'processor_unreachable', detail: 'the processor discovery document or certificate could not be read' };
    }
    let verdict = this.verifyWith(trust, domain, message);
    if (!verdict.ok && this.now().getTime() - this.lastFailureRefresh > REFRESH_AFTER_FAILURE_MS) {
      this.lastFailureRefresh = this.now().getTime();
      try {
        verdict = this.verifyWith(await this.loadTrust(), domain, message);
      } catch {
        // Keep the first verdict: the processor could not be reached to refresh it.
      }
    }
    return verdict;
  }

  private verifyWith(trust: Trust, domain: string, message: SignedMessage): SignatureVerdict {
    if (trust.certificateHost !== domain) {
      return { ok: false, reason: 'certificate_invalid', detail: 'the certificate URL in the discovery document is not on the processor domain' };
    }
    const problem = certificateProblem(trust.chain, domain, this.now(), { extraRoots: this.extraRoots });
    if (problem) {
      return { ok: false, reason: 'certificate_invalid', detail: problem };
    }
    if (!signatureMatches(trust.chain[0], message.body, message.signature)) {
      return { ok: false, reason: 'bad_signature', detail: 'the signature does not match the body and the processor certificate' };
    }
    return { ok: true, domain };
  }

  private async submit(type: OpenDsrRequestType, subject: Subject, context: ActionContext, trust: Trust): Promise<ActionResult> {
    // Before any identity leaves: a processor whose certificate we would refuse could never sign
    // its receipt or callbacks, yet would hold (and act on) the request.
    const problem =
      this.system.connection.allowedDomains.includes(trust.certificateHost)
        ? certificateProblem(trust.chain, trust.certificateHost, this.now(), { extraRoots: this.extraRoots })
        : 'the certificate URL in the discovery document is not on an allowed domain';
    if (problem) {
      throw new OpenDsrError('processor_certificate_invalid', `${this.where}: ${problem}; nothing was sent`);
    }
    const identities = emailIdentities(subject, trust.discovery);
    if (identities.length === 0) {
      throw new OpenDsrError('processor_unsupported', `${this.where}: the processor takes no email identity in raw or sha256 format, or the request has no email`);
    }
    const id = this.subjectRequestId(context);
    const body = buildRequestBody(this.system, {
      subjectRequestId: id,
      type,
      submittedTime: this.now(),
      identities,
      callbackUrl: context.callbackUrl,
    });
    const answer = await this.call('POST', this.paths.requests, JSON.stringify(body), context.signal);
    if (answer.status === 409 && (await this.status(id).catch(() => undefined))) {
      // A retried submission the processor already holds: it is the same request, keep waiting.
      return { state: 'pending', providerReference: id };
    }
    if (answer.status !== 201 && answer.status !== 200 && answer.status !== 202) {
      throw new OpenDsrError(`processor_http_${answer.status}`, `${this.where}: the processor answered HTTP ${answer.status}`);
    }
    await this.requireSigned(answer);
    const receipt = requestReceiptSchema.safeParse(parseJson(answer, this.where, 'receipt'));
    if (!receipt.success || receipt.data.subject_request_id !== id) {
      throw new OpenDsrError('processor_bad_response', `${this.where}: unexpected receipt (${receipt.success ? 'another subject_request_id' : describeIssues(receipt.error)})`);
    }
    return { state: 'pending', providerReference: id };
  }

  private async requireSigned(answer: ProcessorAnswer): Promise<void> {
    const verdict = await this.verifySigned({
      domain: firstHeader(answer.headers, DOMAIN_HEADERS),
      signature: firstHeader(answer.headers, SIGNATURE_HEADERS),
      body: answer.body,
    });
    if (!verdict.ok) {
      const code = verdict.reason === 'bad_signature' ? 'processor_bad_signature' : verdict.reason === 'domain_not_allowed' ? 'processor_domain_not_allowed' : verdict.reason === 'certificate_invalid' ? 'processor_certificate_invalid' : 'processor_unreachable';
      throw new OpenDsrError(code, `${this.where}: the processor's answer is not properly signed (${verdict.detail})`);
    }
  }

  private call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: string, signal?: AbortSignal): Promise<ProcessorAnswer> {
    const problems = this.configProblems();
    if (problems.length > 0) {
      throw new OpenDsrError('config_invalid', problems.join('; '));
    }
    return callProcessor({
      method,
      url,
      ...(body === undefined ? {} : { body }),
      ...(this.options.token === undefined ? {} : { token: this.options.token }),
      timeoutMs: this.system.connection.timeoutMs,
      fetch: this.fetch,
      ...(signal === undefined ? {} : { signal }),
      where: this.where,
    });
  }

  private async currentTrust(): Promise<Trust> {
    const ttl = this.options.discoveryTtlMs ?? DEFAULT_DISCOVERY_TTL_MS;
    if (this.trust && this.now().getTime() - this.trust.fetchedAt < ttl) {
      return this.trust;
    }
    return this.loadTrust();
  }

  /** Section 6: discovery, then the certificate it names; one load at a time. */
  private loadTrust(): Promise<Trust> {
    this.loading ??= this.fetchTrust().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetchTrust(): Promise<Trust> {
    const answer = await this.call('GET', this.paths.discovery);
    if (answer.status !== 200) {
      throw new OpenDsrError(`processor_http_${answer.status}`, `${this.where}: discovery answered HTTP ${answer.status}`);
    }
    const parsed = discoverySchema.safeParse(parseJson(answer, this.where, 'discovery document'));
    if (!parsed.success) {
      throw new OpenDsrError('processor_bad_response', `${this.where}: the discovery document does not match the spec (${describeIssues(parsed.error)})`);
    }
    const discovery = parsed.data;
    const major = Number.parseInt(discovery.api_version, 10);
    if (major !== this.system.connection.version) {
      throw new OpenDsrError('processor_unsupported', `${this.where}: the processor speaks api_version ${discovery.api_version.slice(0, 20)}, the data map says version ${this.system.connection.version}`);
    }
    const certificateUrl = new URL(discovery.processor_certificate);
    if (certificateUrl.protocol !== 'https:' && !(certificateUrl.protocol === 'http:' && LOOPBACK_HOSTS.has(certificateUrl.hostname))) {
      throw new OpenDsrError('processor_certificate_invalid', `${this.where}: the processor_certificate URL must use https`);
    }
    // Checked before fetching, not only when verifying: the discovery document must not make us
    // request a URL on a host the data map never named (an internal service, say).
    if (!this.system.connection.allowedDomains.includes(certificateUrl.hostname.toLowerCase())) {
      throw new OpenDsrError('processor_certificate_invalid', `${this.where}: the processor_certificate URL is not on an allowed domain`);
    }
    const certificateAnswer = await callProcessor({
      method: 'GET',
      url: certificateUrl.href,
      accept: 'application/x-pem-file, application/x-x509-ca-cert, text/plain, */*',
      timeoutMs: this.system.connection.timeoutMs,
      fetch: this.fetch,
      where: this.where,
    });
    if (certificateAnswer.status !== 200) {
      throw new OpenDsrError(`processor_http_${certificateAnswer.status}`, `${this.where}: the certificate URL answered HTTP ${certificateAnswer.status}`);
    }
    let chain: X509Certificate[];
    try {
      chain = parseCertificates(certificateAnswer.body.toString('utf8'));
    } catch {
      chain = [];
    }
    if (chain.length === 0) {
      throw new OpenDsrError('processor_certificate_invalid', `${this.where}: the certificate URL does not hold a PEM certificate`);
    }
    const hostname = certificateUrl.hostname.toLowerCase();
    this.trust = {
      discovery,
      certificateHost: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
      chain,
      fetchedAt: this.now().getTime(),
    };
    return this.trust;
  }

  private checkedId(subjectRequestId: string): string {
    if (!subjectRequestIdSchema.safeParse(subjectRequestId).success) {
      throw new OpenDsrError('config_invalid', `${this.where}: not a subject_request_id`);
    }
    return subjectRequestId;
  }

  private configProblems(): string[] {
    // The URL itself stays out of messages: it may carry a token in its path or query.
    let url: URL;
    try {
      url = new URL(this.options.url);
    } catch {
      return [`${this.where}: the URL is not a valid absolute URL`];
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
      return [];
    }
    return [`${this.where}: the URL must use https; identities would cross the network unencrypted`];
  }
}

function firstHeader(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) {
      return value;
    }
  }
  return undefined;
}

export { OpenDsrError, type OpenDsrErrorCode } from './opendsr.error';
export { callbackSchema, DOMAIN_HEADERS, SIGNATURE_HEADERS, type OpenDsrCallback, type OpenDsrRequestStatus } from './opendsr-protocol';
export { subjectRequestIdFor } from './subject-request-id';
