import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SignedInOfficer } from '@rightsdesk/workflow';

/** A request the guard let in on an officer session. */
export interface SignedInRequest extends FastifyRequest {
  officer?: SignedInOfficer;
}

/** The officer of the session; only on routes with @Roles (the guard has set it). */
export const CurrentOfficer = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInOfficer => {
  const officer = context.switchToHttp().getRequest<SignedInRequest>().officer;
  if (!officer) {
    // A route without @Roles asked for an officer: a programming error, not the caller's.
    throw new Error('CurrentOfficer used on a route without @Roles');
  }
  return officer;
});
