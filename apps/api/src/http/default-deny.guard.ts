import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RequestException } from '@rightsdesk/domain';
import { API_KEY_SCOPE, IS_PUBLIC } from '@rightsdesk/platform';
import { API_KEY_SCOPES, type ApiKeyScope, ApiKeyService } from '@rightsdesk/workflow';

// Default deny: a route is reachable only when it is marked @Public() or names the API key scope
// that opens it (@RequiresApiKey). Officer sessions (a later issue) add the third way in.
@Injectable()
export class DefaultDenyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const scope = this.reflector.getAllAndOverride<string | undefined>(API_KEY_SCOPE, targets);
    if (scope !== undefined && (API_KEY_SCOPES as readonly string[]).includes(scope)) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      // RFC 9110: the scheme name is case-insensitive.
      const presented = /^Bearer (\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
      if (presented && (await this.apiKeys.authenticate(presented, scope as ApiKeyScope))) {
        return true;
      }
      throw new RequestException('unauthorized', 'Send a valid API key with this scope: Authorization: Bearer <key>.');
    }
    throw new RequestException('unauthorized', 'Sign in to do this.');
  }
}
