import { Controller, Delete, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { errorSummary } from '@rightsdesk/queue';
import { type AuthenticatedDrpAgent, type DrpAnswer, DrpAgentService, DrpRequests, RateLimiter } from '@rightsdesk/workflow';
import { bearerAgent, drpBody, drpErrorSchema, sendDrpError, sendDrpJson } from './drp-http';

const statusSchema = {
  type: 'object',
  required: ['request_id', 'status', 'received_at'],
  properties: {
    request_id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'] },
    reason: { type: 'string', enum: ['need_user_verification', 'suspected_fraud', 'insuf_verification', 'no_match', 'claim_not_covered', 'outside_jurisdiction', 'too_many_requests', 'other'] },
    received_at: { type: 'string', format: 'date-time' },
    expected_by: { type: 'string', format: 'date-time', description: 'The end of the statutory due day' },
    processing_details: { type: 'string' },
    agent_request_id: { type: 'string', description: "The agent's agent-request-id, echoed" },
    cb_request_id: { type: 'string', description: 'Our request id, for the Permission Slip profile (1.0.PS)' },
    expires_at: { type: 'string', format: 'date-time', description: 'For final states: until when we keep the record' },
  },
};

const signedBody = {
  schema: { type: 'string', format: 'base64' },
  description: 'base64 of (64-byte Ed25519 signature ‖ JSON), signed with the agent’s registered key; read as text whatever the Content-Type',
};

// DRP 1.0 §2.01, §2.02, §2.04 (docs/drp.md). Public at the guard: the bearer token from the
// pair-wise key setup names the agent, and for POST and DELETE the signature over the body proves
// it. The path prefix is DRP_BASE_PATH, set by ApiModule.forRoot like DrpAgentController's.
@ApiTags('Data Rights Protocol')
@Public()
@Controller('drp')
export class DrpRequestController {
  private readonly logger = new Logger(DrpRequestController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agents: DrpAgentService,
    private readonly requests: DrpRequests,
    private readonly rateLimiter: RateLimiter,
  ) {}

  // Versions before 0.9.3 had a trailing slash: bootstrap.ts drops it before routing.
  @Post('v1/data-rights-request')
  @ApiOperation({
    summary: 'Data Rights Exercise (DRP 1.0 §2.01)',
    description:
      'Signed JSON: agent-id, business-id, issued-at, expires-at, drp.version ("1.0" or "1.0.PS"), exercise, optional agent-request-id, regime, relationships, status_callback, and the identity claims (email required). ' +
      'Files a request that runs the same review and execution as one from the privacy center. A replay while the first message is valid answers with the same request.',
  })
  @ApiHeader({ name: 'Authorization', required: true, description: 'Bearer <token from the pair-wise key setup>' })
  @ApiConsumes('text/plain')
  @ApiBody(signedBody)
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, schema: statusSchema })
  @ApiResponse({ status: 400, description: 'Unreadable, expired (fatal), unsupported exercise or invalid claims', schema: drpErrorSchema })
  @ApiResponse({ status: 401, description: 'No token, an unknown one, or one of a disabled agent', schema: drpErrorSchema })
  @ApiResponse({ status: 403, description: 'Bad signature, or agent-id or business-id not matching', schema: drpErrorSchema })
  @ApiResponse({ status: 404, description: 'DRP is off (no DRP_BUSINESS_ID)', schema: drpErrorSchema })
  @ApiResponse({ status: 409, description: 'agent-request-id already used by a request whose message expired (fatal)', schema: drpErrorSchema })
  @ApiResponse({ status: 429, description: 'Too many requests from this agent (DRP_EXERCISES_PER_AGENT_PER_HOUR)', schema: drpErrorSchema })
  async exercise(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, async (agent) => {
      try {
        await this.rateLimiter.consume('drp-exercise-agent', agent.id, this.config.drp.exercisesPerAgentPerHour, 3600);
      } catch (error) {
        if (error instanceof RequestException && error.code === 'rate_limited') {
          void reply.header('Retry-After', String(error.details?.retryAfterSeconds ?? 3600));
          return { ok: false, httpStatus: 429, message: `More than ${this.config.drp.exercisesPerAgentPerHour} requests in an hour from this agent; try again later.` };
        }
        throw error;
      }
      return this.requests.exercise(agent, drpBody(request));
    });
  }

  @Get('v1/data-rights-request/:requestId')
  @ApiOperation({ summary: 'Data Rights Status (DRP 1.0 §2.02)' })
  @ApiParam({ name: 'requestId', description: 'Our request_id (or, for the 1.0.PS profile, the agent-request-id)' })
  @ApiHeader({ name: 'Authorization', required: true, description: 'Bearer <token from the pair-wise key setup>' })
  @ApiResponse({ status: 200, schema: statusSchema })
  @ApiResponse({ status: 401, description: 'No token, an unknown one, or one of a disabled agent', schema: drpErrorSchema })
  @ApiResponse({ status: 403, description: 'The request was made by another agent', schema: drpErrorSchema })
  @ApiResponse({ status: 404, description: 'No such request, or DRP is off', schema: drpErrorSchema })
  async status(@Param('requestId') requestId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, (agent) => this.requests.status(agent, requestId));
  }

  @Delete('v1/data-rights-request/:requestId')
  @ApiOperation({
    summary: 'Data Rights Revoke (DRP 1.0 §2.04)',
    description: 'Signed JSON with the envelope and an optional `reason` (the consumer’s words, kept with the request). Cancels a request not yet being carried out; the answer has status revoked.',
  })
  @ApiParam({ name: 'requestId', description: 'Our request_id' })
  @ApiHeader({ name: 'Authorization', required: true, description: 'Bearer <token from the pair-wise key setup>' })
  @ApiConsumes('text/plain')
  @ApiBody(signedBody)
  @ApiResponse({ status: 200, schema: statusSchema })
  @ApiResponse({ status: 400, description: 'Unreadable or expired message, or a 1.0.PS request (no revoke in that profile)', schema: drpErrorSchema })
  @ApiResponse({ status: 401, description: 'No token, an unknown one, or one of a disabled agent', schema: drpErrorSchema })
  @ApiResponse({ status: 403, description: 'Bad signature, claims not matching, or the request was made by another agent', schema: drpErrorSchema })
  @ApiResponse({ status: 404, description: 'No such request, or DRP is off', schema: drpErrorSchema })
  @ApiResponse({ status: 409, description: 'Already being carried out or closed', schema: drpErrorSchema })
  async revoke(@Param('requestId') requestId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, (agent) => this.requests.revoke(agent, requestId, drpBody(request)));
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, act: (agent: AuthenticatedDrpAgent) => Promise<DrpAnswer>): Promise<void> {
    const agent = await bearerAgent(this.agents, request, reply);
    if (!agent) {
      return;
    }
    let answer: DrpAnswer;
    try {
      answer = await act(agent);
    } catch (error) {
      // Agents parse DRP's error shape only (§3.06), so even our own failure is said in it.
      this.logger.error({ agentId: agent.id, error: errorSummary(error) }, 'DRP call failed');
      sendDrpError(reply, 500, 'The request could not be processed; try again later.');
      return;
    }
    if (!answer.ok) {
      sendDrpError(reply, answer.httpStatus, answer.message, answer.fatal);
      return;
    }
    sendDrpJson(reply, answer.status);
  }
}
