import { execFile } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export type OpenDsrTestStatus = 'pending' | 'in_progress' | 'completed' | 'cancelled';

export interface OpenDsrProcessorOptions {
  /** 2: `/v2/discovery`, `/v2/requests`, X-OpenDSR-* headers; 1: `/v1/opengdpr_requests`, X-OpenGDPR-*. */
  version?: 1 | 2;
  supportedTypes?: string[];
  supportedIdentities?: Array<{ identity_type: string; identity_format: string }>;
  /** The domain it names in its header and certificate; `localhost` (a loopback name, so http is allowed). */
  domain?: string;
  /** Extra SAN entries for the certificate, e.g. to issue it for another name than `domain`. */
  certificateDomain?: string;
}

export interface ReceivedRequest {
  subject_request_id: string;
  subject_request_type: string;
  regulation?: string;
  submitted_time: string;
  subject_identities: Array<{ identity_type: string; identity_value: string; identity_format: string }>;
  api_version?: string;
  status_callback_urls?: string[];
  extensions?: Record<string, unknown>;
}

export interface SignedCallback {
  /** The status_callback_url it is for. */
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * An OpenDSR processor on loopback for tests: discovery, requests, status, cancellation and signed
 * callbacks, with a self-signed RSA certificate made by `openssl` at start (test-only: the spec
 * forbids self-signed certificates, so the data map must trust it through `trustedCertificates`).
 */
export interface OpenDsrProcessor {
  /** The OpenDSR root to put in the data map's `connection.url`. */
  url: string;
  domain: string;
  version: 1 | 2;
  certificatePem: string;
  supportedTypes: string[];
  /** Requests received, by subject_request_id, with their status here. */
  requests: Map<string, { body: ReceivedRequest; status: OpenDsrTestStatus }>;
  /** Every call, in order: method and path. */
  calls: Array<{ method: string; path: string; authorization?: string }>;
  /** Answer POSTs with this HTTP status instead of 201 (e.g. 500), until cleared. */
  failSubmissionsWith?: number;
  /** Sign answers and callbacks with another key than the certificate's. */
  signWithOtherKey: boolean;
  /** A base64 signature of these bytes with the certificate's key (or, with `otherKey`, a key of no certificate). */
  sign(body: string | Buffer, otherKey?: boolean): string;
  /** The headers a callback carries for `body`, signed with the certificate's key. */
  callbackHeaders(body: string): Record<string, string>;
  /** Moves a request to `status` and returns the signed callback for each of its callback URLs (not sent). */
  setStatus(subjectRequestId: string, status: OpenDsrTestStatus): SignedCallback[];
  /** `setStatus(id, 'completed')` and POSTs the callbacks; resolves to their HTTP statuses. */
  complete(subjectRequestId: string): Promise<number[]>;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** A self-signed certificate and its key, made with the openssl command line (Debian ships it). */
async function selfSignedCertificate(domain: string): Promise<{ certificatePem: string; key: KeyObject }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-opendsr-'));
  try {
    const san = /^\d+\.\d+\.\d+\.\d+$/.test(domain) ? `IP:${domain}` : `DNS:${domain}`;
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-subj', `/CN=${domain}`, '-addext', `subjectAltName=${san}`,
    ]);
    const [certificatePem, keyPem] = await Promise.all([
      readFile(path.join(dir, 'cert.pem'), 'utf8'),
      readFile(path.join(dir, 'key.pem'), 'utf8'),
    ]);
    return { certificatePem, key: createPrivateKey(keyPem) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startOpenDsrProcessor(options: OpenDsrProcessorOptions = {}): Promise<OpenDsrProcessor> {
  const version = options.version ?? 2;
  const domain = options.domain ?? 'localhost';
  const { certificatePem, key } = await selfSignedCertificate(options.certificateDomain ?? domain);
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const prefix = version === 2 ? 'X-OpenDSR' : 'X-OpenGDPR';
  const requestsPath = version === 2 ? '/v2/requests' : '/v1/opengdpr_requests';
  const controllerId = 'rightsdesk_test_controller';

  const processor: OpenDsrProcessor = {
    url: '',
    domain,
    version,
    certificatePem,
    supportedTypes: options.supportedTypes ?? ['erasure', 'access', 'portability'],
    requests: new Map(),
    calls: [],
    signWithOtherKey: false,
    sign(body, useOtherKey = false) {
      return sign('sha256', Buffer.from(body), useOtherKey ? otherKey : key).toString('base64');
    },
    callbackHeaders(body) {
      return {
        'content-type': 'application/json',
        [`${prefix}-Processor-Domain`.toLowerCase()]: domain,
        [`${prefix}-Signature`.toLowerCase()]: processor.sign(body),
      };
    },
    setStatus(id, status) {
      const request = processor.requests.get(id);
      if (!request) {
        throw new Error(`the test processor has no request ${id}`);
      }
      request.status = status;
      return (request.body.status_callback_urls ?? []).map((url) => {
        const body = JSON.stringify({
          controller_id: controllerId,
          expected_completion_time: new Date(Date.now() + 86_400_000).toISOString(),
          status_callback_url: url,
          subject_request_id: id,
          request_status: status,
          ...(status === 'completed' ? { results_count: 1 } : {}),
        });
        return { url, body, headers: processor.callbackHeaders(body) };
      });
    },
    async complete(id) {
      const statuses: number[] = [];
      for (const callback of processor.setStatus(id, 'completed')) {
        const response = await fetch(callback.url, { method: 'POST', headers: callback.headers, body: callback.body, signal: AbortSignal.timeout(5000) });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      return statuses;
    },
    stop: () => Promise.resolve(),
  };

  function answer(res: ServerResponse, status: number, value: unknown, signed = true): void {
    const body = JSON.stringify(value);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signed) {
      headers[`${prefix}-Processor-Domain`] = domain;
      headers[`${prefix}-Signature`] = processor.sign(body, processor.signWithOtherKey);
    }
    res.writeHead(status, headers).end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    processor.calls.push({ method: req.method ?? '', path: url.pathname, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    if (req.method === 'GET' && url.pathname === `/v${version}/discovery`) {
      answer(res, 200, {
        api_version: version === 2 ? '2.0' : '1.0',
        supported_identities: options.supportedIdentities ?? [{ identity_type: 'email', identity_format: 'raw' }, { identity_type: 'email', identity_format: 'sha256' }],
        supported_subject_request_types: processor.supportedTypes,
        processor_certificate: `${processor.url}/cert.pem`,
      }, false);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/cert.pem') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(certificatePem);
      return;
    }
    if (req.method === 'POST' && url.pathname === requestsPath) {
      if (processor.failSubmissionsWith !== undefined) {
        answer(res, processor.failSubmissionsWith, { error: { code: processor.failSubmissionsWith, message: 'test failure' } });
        return;
      }
      let body: ReceivedRequest;
      try {
        body = JSON.parse(raw) as ReceivedRequest;
      } catch {
        answer(res, 400, { error: { code: 400, message: 'body is not JSON' } });
        return;
      }
      if (typeof body.subject_request_id !== 'string' || !body.subject_request_type || !body.submitted_time) {
        answer(res, 400, { error: { code: 400, message: 'subject_request_id, subject_request_type and submitted_time are required' } });
        return;
      }
      if (processor.requests.has(body.subject_request_id)) {
        answer(res, 409, { error: { code: 409, message: 'subject_request_id already received' } });
        return;
      }
      processor.requests.set(body.subject_request_id, { body, status: 'pending' });
      answer(res, 201, {
        controller_id: controllerId,
        expected_completion_time: new Date(Date.now() + 86_400_000).toISOString(),
        received_time: new Date().toISOString(),
        encoded_request: Buffer.from(raw).toString('base64'),
        subject_request_id: body.subject_request_id,
      });
      return;
    }
    const match = url.pathname.startsWith(`${requestsPath}/`) ? url.pathname.slice(requestsPath.length + 1) : undefined;
    const request = match === undefined ? undefined : processor.requests.get(match);
    if (match !== undefined && !request) {
      answer(res, 404, { error: { code: 404, message: 'no such request' } });
      return;
    }
    if (req.method === 'GET' && match !== undefined && request) {
      answer(res, 200, {
        controller_id: controllerId,
        expected_completion_time: new Date(Date.now() + 86_400_000).toISOString(),
        subject_request_id: match,
        request_status: request.status,
        api_version: version === 2 ? '2.0' : '1.0',
      });
      return;
    }
    if (req.method === 'DELETE' && match !== undefined && request) {
      // Spec 9: cancellation only while pending.
      if (request.status !== 'pending') {
        answer(res, 400, { error: { code: 400, message: 'only pending requests can be cancelled' } });
        return;
      }
      request.status = 'cancelled';
      answer(res, 202, { controller_id: controllerId, subject_request_id: match, received_time: new Date().toISOString(), api_version: version === 2 ? '2.0' : '1.0' });
      return;
    }
    res.writeHead(404).end();
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  // `localhost` may resolve to ::1 or 127.0.0.1: listen on both, or on IPv4 where IPv6 is off.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL') {
        server.listen(0, '127.0.0.1', resolve);
      } else {
        reject(error);
      }
    });
    server.listen(0, '::', resolve);
  });
  processor.url = `http://${domain}:${(server.address() as AddressInfo).port}`;
  processor.stop = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return processor;
}
