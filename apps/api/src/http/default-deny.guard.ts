import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestException } from '@rightsdesk/domain';
import { IS_PUBLIC } from '@rightsdesk/platform';

// Default deny: a route is reachable only when it is marked @Public(). Officer authentication
// (a later issue) adds the other way in; until then nothing else is.
@Injectable()
export class DefaultDenyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) {
      return true;
    }
    throw new RequestException('unauthorized', 'Sign in to do this.');
  }
}
