import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { DuringEnrolment, Public, Roles } from '@rightsdesk/platform';
import { ConsoleSignIn, RateLimiter, type SignedInOfficer } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { CSRF_COOKIE, serializeCookie, SESSION_COOKIE } from '../http/cookies';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { CurrentOfficer } from './signed-in-request';

const signInSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1000),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Six digits.')
    .optional(),
});

const officerSchema = {
  type: 'object',
  required: ['id', 'email', 'displayName', 'role', 'totpEnabled'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...OFFICER_ROLES] },
    totpEnabled: { type: 'boolean' },
  },
};

@ApiTags('console: session')
@Controller('api/v1/console/session')
export class SessionController {
  constructor(
    private readonly signIn: ConsoleSignIn,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the console',
    description:
      'Email and password, plus `totpCode` when the officer has a second factor. Sets the httpOnly session cookie and returns the CSRF token to send as `X-CSRF-Token` on every call that changes something (it is also in the readable `rd_csrf` cookie). Repeated failures lock the account with growing waits.',
  })
  @ApiBody({ schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' }, totpCode: { type: 'string', pattern: '^\\d{6}$' } } } })
  @ApiResponse({ status: 200, description: 'Signed in', schema: { type: 'object', required: ['officer', 'csrfToken', 'expiresAt', 'enrolmentOnly'], properties: { officer: officerSchema, csrfToken: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, enrolmentOnly: { type: 'boolean' } } } })
  @ApiResponse({ status: 401, description: 'login_failed, or second_factor_required (send totpCode)', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'account_locked or rate_limited; see Retry-After', type: ErrorBody })
  async create(@Body(new ZodBody(signInSchema)) body: z.infer<typeof signInSchema>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.rateLimiter.consume('login-ip', clientIp(request), this.config.console.loginPerIpPerHour, 3600);
    const session = await this.signIn.signIn(body);
    // The server enforces the real limits; the cookie only has to live as long as the session can.
    const maxAgeSeconds = this.config.console.sessionAbsoluteHours * 3600;
    const secure = this.config.console.cookieSecure;
    void reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, session.token, { secure, httpOnly: true, maxAgeSeconds }),
      serializeCookie(CSRF_COOKIE, session.csrfToken, { secure, httpOnly: false, maxAgeSeconds }),
    ]);
    return { officer: session.officer, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), enrolmentOnly: session.enrolmentOnly };
  }

  @Get()
  @Roles(...OFFICER_ROLES)
  @DuringEnrolment()
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiResponse({
    status: 200,
    description: 'enrolmentOnly: the session may only set up a second factor until one is confirmed',
    schema: { type: 'object', required: ['officer', 'enrolmentOnly'], properties: { officer: officerSchema, enrolmentOnly: { type: 'boolean' } } },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  current(@CurrentOfficer() officer: SignedInOfficer) {
    const { sessionId: _sessionId, enrolmentOnly, ...shown } = officer;
    return { officer: shown, enrolmentOnly };
  }

  @Delete()
  @Roles(...OFFICER_ROLES)
  @DuringEnrolment()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out', description: 'Ends the session on the server and clears the cookies.' })
  async remove(@CurrentOfficer() officer: SignedInOfficer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.signIn.signOut(officer);
    const secure = this.config.console.cookieSecure;
    void reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, '', { secure, httpOnly: true, maxAgeSeconds: 0 }),
      serializeCookie(CSRF_COOKIE, '', { secure, httpOnly: false, maxAgeSeconds: 0 }),
    ]);
  }
}
