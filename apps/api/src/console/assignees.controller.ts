import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ACTING_ROLES, OFFICER_ROLES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { type AssigneeView, OfficerAccounts } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

// Everyone who works the queue needs the names to pick an assignee; the officer list with emails,
// lockouts and roles stays on the admin page.
@ApiTags('console: officers')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/assignees')
export class AssigneesController {
  constructor(private readonly accounts: OfficerAccounts) {}

  @Get()
  @ApiOperation({ summary: 'Who a request can be assigned to', description: `Active officers with a role that acts on requests (${ACTING_ROLES.join(', ')}): id, display name and role only.` })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['assignees'],
      properties: {
        assignees: {
          type: 'array',
          items: { type: 'object', required: ['id', 'displayName', 'role'], properties: { id: { type: 'string', format: 'uuid' }, displayName: { type: 'string' }, role: { type: 'string', enum: [...ACTING_ROLES] } } },
        },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  async list(): Promise<{ assignees: AssigneeView[] }> {
    return { assignees: await this.accounts.assignees() };
  }
}
