import { z } from 'zod';

// What a provider answers, synchronously or in its callback. snake_case on the wire, like the
// request we send.

const count = z.number().int().nonnegative();

export const providerCollectionSchema = z.object({
  collection: z.string().min(1).max(200),
  found: count,
  changed: count,
});

export type ProviderCollectionReport = z.infer<typeof providerCollectionSchema>;

const recordsSchema = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));

/** 200: the provider did the work while we waited. */
export const providerCompletedSchema = z.object({
  status: z.literal('completed'),
  collections: z.array(providerCollectionSchema),
  records: recordsSchema.optional(),
});

/** 200 with a refusal: the provider could not do it. */
export const providerFailedSchema = z.object({
  status: z.literal('failed'),
  reason: z.string().max(2000).optional(),
});

/** 202: the provider will post its answer to the callback URL. */
export const providerAcceptedSchema = z.object({
  status: z.literal('accepted'),
  reference: z.string().min(1).max(200),
});

export const providerCallbackSchema = z.object({
  request_id: z.string().min(1).max(200),
  system_key: z.string().min(1).max(200).optional(),
  status: z.enum(['completed', 'failed']),
  collections: z.array(providerCollectionSchema).default([]),
  records: recordsSchema.optional(),
  reason: z.string().max(2000).optional(),
});

/** Where and what, never the offending value: the body may hold personal data. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}
