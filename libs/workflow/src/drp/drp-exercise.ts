import { z } from 'zod';
import { type IntakeInput, UNKNOWN_COUNTRY } from '@rightsdesk/domain';
import { isNonPublicAddress } from './callback-address';

/** The rights actions of DRP 1.0 §3.01, in their canonical spelling. */
export const DRP_EXERCISES = ['sale:opt-out', 'sale:opt-in', 'deletion', 'access', 'access:categories', 'access:specific'] as const;
export type DrpExercise = (typeof DRP_EXERCISES)[number];

/**
 * The canonical exercise for what an agent sent, or null. Agents written against earlier drafts use
 * `_` where 1.0 has `:` or `-` (`sale_opt_out`, `access_categories`), so both are accepted.
 */
export function canonicalExercise(value: unknown): DrpExercise | null {
  if (typeof value !== 'string') {
    return null;
  }
  const spelled = value
    .trim()
    .toLowerCase()
    .replace(/^(sale|access)[_:]/, '$1:')
    .replace(/:opt[_-](out|in)$/, ':opt-$1');
  return (DRP_EXERCISES as readonly string[]).includes(spelled) ? (spelled as DrpExercise) : null;
}

// The identity claims of §3.04 (schema.org/Person with OpenID Connect's address), kept as sent.
const address = z
  .object({
    formatted: z.string().max(500).optional(),
    street_address: z.string().max(300).optional(),
    locality: z.string().max(200).optional(),
    region: z.string().max(200).optional(),
    postal_code: z.string().max(40).optional(),
    country: z.string().max(100).optional(),
  })
  .strip();

const claimsSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().max(254).check(z.email()).optional(),
  email_verified: z.boolean().optional(),
  phone_number: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{1,14}$/, 'must be E.164, e.g. +14155550100')
    .optional(),
  phone_number_verified: z.boolean().optional(),
  address: address.optional(),
  address_verified: z.boolean().optional(),
  power_of_attorney: z.string().max(2000).optional(),
});

export type DrpIdentityClaims = z.infer<typeof claimsSchema>;

const requestSchema = z.object({
  'agent-request-id': z.string().trim().min(1).max(200).optional(),
  // §3.01: v1.0 encodes the CCPA's rights only; no regime means a voluntary request.
  regime: z.literal('ccpa').optional(),
  relationships: z.array(z.string().max(100)).max(20).optional(),
  status_callback: z.string().max(2000).optional(),
});

/** What the agent stored with the request: the claims as sent, plus its relationship hints. */
export interface DrpClaimsRecord {
  claims: DrpIdentityClaims;
  relationships: string[];
}

export interface DrpExerciseRequest {
  exercise: DrpExercise;
  agentRequestId: string | null;
  regime: string | null;
  statusCallback: string | null;
  record: DrpClaimsRecord;
}

export type DrpExerciseParse = { ok: true; value: DrpExerciseRequest } | { ok: false; message: string };

/**
 * Reads the exercise fields of a verified message (§2.01). The envelope (agent-id, business-id,
 * timestamps, version) was checked by the signature verification already.
 */
export function parseExercise(raw: Record<string, unknown>, options: { permissionSlip: boolean; allowPrivateNetwork: boolean }): DrpExerciseParse {
  const { permissionSlip } = options;
  const exercise = canonicalExercise(raw.exercise);
  if (exercise === null) {
    return { ok: false, message: `Unsupported rights action; send one of ${DRP_EXERCISES.join(', ')}.` };
  }
  const fields = requestSchema.safeParse(raw);
  if (!fields.success) {
    return { ok: false, message: `Invalid ${describe(fields.error)}.` };
  }
  const claims = claimsSchema.safeParse(raw);
  if (!claims.success) {
    return { ok: false, message: `Invalid identity claim ${describe(claims.error)}.` };
  }
  if (claims.data.email === undefined) {
    return { ok: false, message: 'An email claim is required: it is how we find the person in our systems.' };
  }
  const agentRequestId = fields.data['agent-request-id'] ?? null;
  if (permissionSlip && agentRequestId === null) {
    return { ok: false, message: 'The 1.0.PS profile requires agent-request-id.' };
  }
  // The Permission Slip profile has no callbacks: a URL sent anyway is not used.
  const statusCallback = permissionSlip ? null : (fields.data.status_callback ?? null);
  if (statusCallback !== null && !isCallbackUrl(statusCallback, options.allowPrivateNetwork)) {
    return { ok: false, message: 'status_callback must be an https URL on a public host.' };
  }
  return {
    ok: true,
    value: {
      exercise,
      agentRequestId,
      regime: fields.data.regime ?? null,
      statusCallback,
      record: { claims: claims.data, relationships: fields.data.relationships ?? [] },
    },
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'value';
}

// https only, so a status (with dates and the agent's own reference) never crosses the network in
// clear, to a host name or a public address. The sender checks the address it connects to again
// (callback-address.ts): a name can resolve anywhere. Plain http and private addresses only when
// DRP_CALLBACK_ALLOW_PRIVATE_NETWORK is on (an agent's local test set-up, our tests).
function isCallbackUrl(value: string, allowPrivateNetwork: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') {
    return false;
  }
  if (allowPrivateNetwork) {
    return url.protocol === 'https:' || url.protocol === 'http:';
  }
  return url.protocol === 'https:' && !isNonPublicAddress(url.hostname.replace(/^\[|\]$/g, '')) && url.hostname !== 'localhost';
}

/** Where the request is filed and under which law: CCPA when the agent says so, else the address. */
function location(regime: string | null, claims: DrpIdentityClaims): Pick<IntakeInput, 'country' | 'region'> {
  if (regime === 'ccpa') {
    return { country: 'US', region: 'CA' };
  }
  const country = claims.address?.country?.trim().toUpperCase();
  const region = claims.address?.region?.trim().toUpperCase();
  if (country !== undefined && /^[A-Z]{2}$/.test(country)) {
    return { country, region: region !== undefined && /^[A-Z0-9]{1,3}$/.test(region) ? region : undefined };
  }
  return { country: UNKNOWN_COUNTRY, region: undefined };
}

/** The request we file for an exercise, or null for one we do not take (opt-in). */
export function intakeFor(request: DrpExerciseRequest): IntakeInput | null {
  const { claims } = request.record;
  const base = {
    email: claims.email ?? '',
    ...(claims.name === undefined ? {} : { name: claims.name }),
    ...location(request.regime, claims),
    language: 'en' as const,
  };
  switch (request.exercise) {
    case 'deletion':
      return { ...base, type: 'erasure', details: { note: 'Filed by an authorized agent (DRP "deletion").' } };
    case 'access':
    case 'access:categories':
    case 'access:specific':
      return { ...base, type: 'access', details: { note: `Filed by an authorized agent (DRP "${request.exercise}").` } };
    case 'sale:opt-out':
      return { ...base, type: 'opt_out', details: { channels: ['sale_sharing'] } };
    case 'sale:opt-in':
      return null;
  }
}
