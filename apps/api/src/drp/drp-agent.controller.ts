import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { DrpAgentService, RateLimiter } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { bearerAgent, drpBody, drpErrorSchema, sendDrpError, sendDrpJson } from './drp-http';

// Pairing attempts per IP per hour: an agent pairs once per token it wants, not in a loop.
const PAIRINGS_PER_IP_PER_HOUR = 60;

// The Data Rights Protocol 1.0 endpoints for authorized agents (docs/drp.md). Public at the guard:
// the caller is an agent, admitted by its Ed25519 signature (pairing) or the bearer token pairing
// gave it. The path prefix is DRP_BASE_PATH, set by ApiModule.forRoot; this decorator's is a
// placeholder. Answers are written here, not by the exception filter, because DRP fixes their
// shape: an empty 403 for a refused pairing, `{ code, message }` for other errors.
@ApiTags('Data Rights Protocol')
@Public()
@Controller('drp')
export class DrpAgentController {
  constructor(
    private readonly agents: DrpAgentService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('v1/agent/:agentId')
  @ApiOperation({
    summary: 'Pair-wise key setup (DRP 1.0 §2.05)',
    description:
      'Body: base64 of (64-byte Ed25519 signature ‖ JSON `{ agent-id, business-id, issued-at, expires-at, drp.version }`), signed with the key registered for the agent. ' +
      'Sent as text/plain; any other or no Content-Type is read the same way. Any refusal is 403 with an empty body. Audited as drp_agent_paired.',
  })
  @ApiParam({ name: 'agentId', description: "The agent's DRP agent-id; must equal the message's agent-id" })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', format: 'base64' } })
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['agent-id', 'token'], properties: { 'agent-id': { type: 'string' }, token: { type: 'string', description: 'Send as Authorization: Bearer <token>' } } } })
  @ApiResponse({ status: 403, description: 'Refused: unknown or disabled agent, bad signature or claims. No body.' })
  @ApiResponse({ status: 404, description: 'DRP is off (no DRP_BUSINESS_ID)', schema: drpErrorSchema })
  @ApiResponse({ status: 429, description: 'Too many pairing attempts from this address', schema: drpErrorSchema })
  async pair(@Param('agentId') agentId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.agents.businessId === null) {
      sendDrpError(reply, 404, 'Not found.');
      return;
    }
    try {
      await this.rateLimiter.consume('drp-pair-ip', clientIp(request), PAIRINGS_PER_IP_PER_HOUR, 3600);
    } catch (error) {
      if (error instanceof RequestException && error.code === 'rate_limited') {
        void reply.header('Retry-After', String(error.details?.retryAfterSeconds ?? 3600));
        sendDrpError(reply, 429, 'Too many pairing attempts; try again later.');
        return;
      }
      throw error;
    }
    const result = await this.agents.pair(agentId, drpBody(request));
    if (!result.ok) {
      // §2.05.1: "403 Forbidden response with no response body"; the reason is in our log only.
      void reply.status(403).header('Cache-Control', 'no-store').send();
      return;
    }
    sendDrpJson(reply, result.pairing);
  }

  @Get('v1/agent/:agentId')
  @ApiOperation({ summary: 'Agent information: is my bearer token still valid? (DRP 1.0 §2.06)' })
  @ApiParam({ name: 'agentId', description: "The agent's DRP agent-id" })
  @ApiHeader({ name: 'Authorization', required: true, description: 'Bearer <token from the pair-wise key setup>' })
  @ApiResponse({ status: 200, schema: { type: 'object', properties: {} } })
  @ApiResponse({ status: 401, description: 'No token, an unknown one, or one of a disabled agent', schema: drpErrorSchema })
  @ApiResponse({ status: 403, description: "The token is another agent's", schema: drpErrorSchema })
  @ApiResponse({ status: 404, description: 'DRP is off (no DRP_BUSINESS_ID)', schema: drpErrorSchema })
  async agentInformation(@Param('agentId') agentId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const agent = await bearerAgent(this.agents, request, reply);
    if (!agent) {
      return;
    }
    if (agent.id !== agentId) {
      sendDrpError(reply, 403, 'This token belongs to another agent.');
      return;
    }
    sendDrpJson(reply, {});
  }
}
