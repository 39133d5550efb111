export const REQUEST_TYPES = ['access', 'rectification', 'erasure', 'opt_out', 'child_data_removal'] as const;

export type RequestType = (typeof REQUEST_TYPES)[number];

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value);
}
