import { z } from 'zod';
import type { OpenDsrVersion } from '../datamap/datamap.types';

// The wire format of OpenDSR 2.0 (https://github.com/opengdpr/OpenDSR, specification.md) and of its
// predecessor OpenGDPR 1.0 (branch opengdpr_v1). Section numbers below are the spec's.

/** Both names, because spec 10.1 makes every party honour the OpenGDPR headers too. */
export const DOMAIN_HEADERS = ['x-opendsr-processor-domain', 'x-opengdpr-processor-domain'] as const;
export const SIGNATURE_HEADERS = ['x-opendsr-signature', 'x-opengdpr-signature'] as const;

export const REQUEST_STATUSES = ['pending', 'in_progress', 'completed', 'cancelled'] as const;
export type OpenDsrRequestStatus = (typeof REQUEST_STATUSES)[number];

export type OpenDsrRequestType = 'erasure' | 'access' | 'portability';

/** Section 3.4: URLs start with the major version; v1 names the resource `opengdpr_requests`. */
export function openDsrPaths(version: OpenDsrVersion): { discovery: string; requests: string } {
  return version === 2
    ? { discovery: '/v2/discovery', requests: '/v2/requests' }
    : { discovery: '/v1/discovery', requests: '/v1/opengdpr_requests' };
}

/** The version string sent as `api_version` and expected (by major) in discovery. */
export function apiVersionOf(version: OpenDsrVersion): string {
  return version === 2 ? '2.0' : '1.0';
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// RFC 3339 date-time; Date.parse then checks it is a real instant.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

export const subjectRequestId = z.string().regex(UUID_V4, 'must be a lower case UUID v4');
const rfc3339 = z.string().regex(RFC3339, 'must be an RFC 3339 date-time').refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date-time');

/** Section 6.3. Unknown keys are allowed: a processor may add its own. */
export const discoverySchema = z.object({
  api_version: z.string().min(1).max(20),
  supported_identities: z
    .array(z.object({ identity_type: z.string().min(1).max(64), identity_format: z.string().min(1).max(16) }))
    .max(200),
  supported_subject_request_types: z.array(z.string().max(32)).max(20),
  processor_certificate: z.string().url().max(2000),
});
export type DiscoveryDocument = z.infer<typeof discoverySchema>;

/** Section 7.3: the answer to a new request (201). */
export const requestReceiptSchema = z.object({
  subject_request_id: subjectRequestId,
  controller_id: z.string().max(200).optional(),
  expected_completion_time: rfc3339.optional(),
  received_time: rfc3339.optional(),
});

/** Section 8.3: a status answer. */
export const statusSchema = z.object({
  subject_request_id: subjectRequestId,
  request_status: z.enum(REQUEST_STATUSES),
  controller_id: z.string().max(200).optional(),
  expected_completion_time: rfc3339.optional(),
  results_count: z.int().min(0).optional(),
});

/** Section 8.6: a callback body (the spec marks controller_id and expected_completion_time required). */
export const callbackSchema = z.object({
  controller_id: z.string().min(1).max(200),
  expected_completion_time: rfc3339,
  status_callback_url: z.string().min(1).max(2000),
  subject_request_id: subjectRequestId,
  request_status: z.enum(REQUEST_STATUSES),
  results_url: z.string().max(2000).optional(),
  results_count: z.int().min(0).optional(),
});
export type OpenDsrCallback = z.infer<typeof callbackSchema>;

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
