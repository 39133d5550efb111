import type { FastifyRequest } from 'fastify';
import { isGpcSignal } from '@rightsdesk/domain';

/** Whether the call carries Global Privacy Control (`Sec-GPC: 1`, exactly; a repeated header arrives joined and is not it). */
export function carriesGpc(request: FastifyRequest): boolean {
  return isGpcSignal(request.headers['sec-gpc']);
}
