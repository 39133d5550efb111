import { createHash } from 'node:crypto';
import type { Subject } from '../connector';
import type { OpenDsrSystem } from '../datamap/datamap.types';
import { apiVersionOf, type DiscoveryDocument, type OpenDsrRequestType } from './opendsr-protocol';

export interface IdentityObject {
  identity_type: 'email';
  identity_value: string;
  identity_format: 'raw' | 'sha256';
}

/**
 * The subject's email addresses in the first format the processor lists for `email` (spec 5.3):
 * raw, or the sha256 of the normalized address. Empty when it takes neither.
 */
export function emailIdentities(subject: Subject, discovery: DiscoveryDocument): IdentityObject[] {
  const formats = discovery.supported_identities.filter((i) => i.identity_type === 'email').map((i) => i.identity_format);
  const format = formats.includes('raw') ? 'raw' : formats.includes('sha256') ? 'sha256' : undefined;
  if (!format) {
    return [];
  }
  return subject.identities.email.map((email) => ({
    identity_type: 'email',
    identity_value: format === 'raw' ? email : createHash('sha256').update(email, 'utf8').digest('hex'),
    identity_format: format,
  }));
}

/** Section 7.1.1 (v2) / 7.1.1 of OpenGDPR 1.0 (no `regulation`). */
export function buildRequestBody(
  system: OpenDsrSystem,
  input: {
    subjectRequestId: string;
    type: OpenDsrRequestType;
    submittedTime: Date;
    identities: IdentityObject[];
    callbackUrl?: string;
  },
): Record<string, unknown> {
  return {
    subject_request_id: input.subjectRequestId,
    subject_request_type: input.type,
    ...(system.connection.version === 2 ? { regulation: system.regulation } : {}),
    submitted_time: input.submittedTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    subject_identities: input.identities,
    api_version: apiVersionOf(system.connection.version),
    ...(input.callbackUrl === undefined ? {} : { status_callback_urls: [input.callbackUrl] }),
    ...(system.extensions === undefined ? {} : { extensions: system.extensions }),
  };
}
