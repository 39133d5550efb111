import { REQUEST_TYPES, type RequestType } from '@rightsdesk/domain';

// The forms' addresses read as words (/requests/new/opt-out), not as API codes.
const SLUGS: Record<RequestType, string> = {
  access: 'access',
  rectification: 'rectification',
  erasure: 'erasure',
  opt_out: 'opt-out',
  child_data_removal: 'child-data-removal',
};

export function newRequestPath(type: RequestType): string {
  return `/requests/new/${SLUGS[type]}`;
}

export function typeFromSlug(slug: string): RequestType | null {
  return REQUEST_TYPES.find((type) => SLUGS[type] === slug) ?? null;
}
