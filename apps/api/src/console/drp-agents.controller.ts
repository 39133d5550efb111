import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequestException } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { decodeVerifyKey, DRP_AGENT_ID_PATTERN, DrpAgentService, type DrpAgentView, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { CurrentOfficer } from './signed-in-request';

const registerSchema = z.strictObject({
  id: z.string().trim().regex(DRP_AGENT_ID_PATTERN, 'Give the agent-id from the DRP directory: letters, digits and . _ : -, at most 100.'),
  name: z.string().trim().min(1).max(100),
  verifyKey: z
    .string()
    .trim()
    .refine((key) => decodeVerifyKey(key) !== null, 'Give the base64 of the 32-byte Ed25519 public key from the DRP directory.'),
  technicalContact: z.string().trim().min(3).max(254),
});

const agentSchema = {
  type: 'object',
  required: ['id', 'name', 'verifyKey', 'technicalContact', 'createdAt', 'disabledAt'],
  properties: {
    id: { type: 'string', description: "The agent's DRP agent-id" },
    name: { type: 'string' },
    verifyKey: { type: 'string', description: 'base64 of the raw 32-byte Ed25519 public key' },
    technicalContact: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    disabledAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

// The authorized agents allowed to use the Data Rights Protocol endpoints (docs/drp.md). An admin
// copies an agent's id, verify key and technical contact from the DRP directory.
@ApiTags('console: DRP agents')
@Roles('admin')
@Controller('api/v1/console/drp-agents')
export class DrpAgentsController {
  constructor(private readonly agents: DrpAgentService) {}

  @Get()
  @ApiOperation({ summary: 'Every registered authorized agent, disabled ones included' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['agents'], properties: { agents: { type: 'array', items: agentSchema } } } })
  @ApiResponse({ status: 403, description: 'forbidden: admins only', type: ErrorBody })
  async list(): Promise<{ agents: DrpAgentView[] }> {
    return { agents: await this.agents.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Register an authorized agent', description: 'It can pair (POST {DRP_BASE_PATH}/v1/agent/{id}) from now on. Audited as drp_agent_registered.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['id', 'name', 'verifyKey', 'technicalContact'],
      properties: { id: { type: 'string' }, name: { type: 'string' }, verifyKey: { type: 'string' }, technicalContact: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 201, schema: { type: 'object', required: ['agent'], properties: { agent: agentSchema } } })
  @ApiResponse({ status: 409, description: 'conflict: an agent with this id is registered already', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: a bad id, an empty name or contact, or a verify key that is no Ed25519 public key', type: ErrorBody })
  async register(@Body(new ZodBody(registerSchema)) body: z.infer<typeof registerSchema>, @CurrentOfficer() admin: SignedInOfficer): Promise<{ agent: DrpAgentView }> {
    return { agent: await this.agents.register(body, { type: 'officer', id: admin.id }) };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an authorized agent', description: 'Its tokens stop working and it cannot pair again. Disabling twice changes nothing. Audited as drp_agent_disabled.' })
  @ApiParam({ name: 'id', description: "The agent's DRP agent-id" })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['agent'], properties: { agent: agentSchema } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  async disable(@Param('id') id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ agent: DrpAgentView }> {
    if (!DRP_AGENT_ID_PATTERN.test(id)) {
      throw new RequestException('not_found', 'No such agent.');
    }
    return { agent: await this.agents.disable(id, { type: 'officer', id: admin.id }) };
  }
}
