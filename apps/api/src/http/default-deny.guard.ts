import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type OfficerRole, RequestException } from '@rightsdesk/domain';
import { API_KEY_SCOPE, DURING_ENROLMENT, IS_PUBLIC, ROLES } from '@rightsdesk/platform';
import { API_KEY_SCOPES, type ApiKeyScope, ApiKeyService, ConsoleSignIn } from '@rightsdesk/workflow';
import type { SignedInRequest } from '../console/signed-in-request';
import type { ApiKeyRequest } from './api-key-request';
import { readCookie, SESSION_COOKIE } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Default deny: a route is reachable only when it is marked @Public(), names the API key scope that
// opens it (@RequiresApiKey), or names the officer roles it admits (@Roles). Officer calls that
// change anything must also carry the session's CSRF token and, when the browser says where it
// comes from, come from our own origin.
@Injectable()
export class DefaultDenyGuard implements CanActivate {
  private readonly origin: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    private readonly signIn: ConsoleSignIn,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origin = new URL(config.http.publicUrl).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<SignedInRequest>();
    const scope = this.reflector.getAllAndOverride<string | undefined>(API_KEY_SCOPE, targets);
    if (scope !== undefined && (API_KEY_SCOPES as readonly string[]).includes(scope)) {
      // RFC 9110: the scheme name is case-insensitive.
      const presented = /^Bearer (\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
      const apiKeyId = presented ? await this.apiKeys.authenticate(presented, scope as ApiKeyScope) : null;
      if (apiKeyId) {
        (request as ApiKeyRequest).apiKeyId = apiKeyId;
        return true;
      }
      throw new RequestException('unauthorized', 'Send a valid API key with this scope: Authorization: Bearer <key>.');
    }
    const roles = this.reflector.getAllAndOverride<OfficerRole[] | undefined>(ROLES, targets);
    if (roles !== undefined && roles.length > 0) {
      return this.officerMayEnter(request, roles, this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, targets) === true);
    }
    throw new RequestException('unauthorized', 'Sign in to do this.');
  }

  private async officerMayEnter(request: SignedInRequest, roles: OfficerRole[], duringEnrolment: boolean): Promise<boolean> {
    const session = await this.signIn.authenticate(readCookie(request.headers.cookie, SESSION_COOKIE) ?? '');
    if (!session) {
      throw new RequestException('unauthorized', 'Sign in to do this; your session may have expired.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const csrf = request.headers['x-csrf-token'];
      if ((origin !== undefined && origin !== this.origin) || !this.signIn.csrfMatches(session, typeof csrf === 'string' ? csrf : undefined)) {
        throw new RequestException('csrf_invalid', 'Send the X-CSRF-Token header the sign-in returned, from the console itself.');
      }
    }
    if (session.enrolmentOnly && !duringEnrolment) {
      throw new RequestException('second_factor_required', 'Set up your second factor first (POST /api/v1/console/me/totp).');
    }
    if (!roles.includes(session.officer.role)) {
      throw new RequestException('forbidden', 'Your role does not allow this.');
    }
    request.officer = session.officer;
    return true;
  }
}
