import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ConsoleSettings, consoleSettingsSchema, REQUEST_TYPES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { ConsoleSettingsService, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { CurrentOfficer } from './signed-in-request';

const typeList = { type: 'array', items: { type: 'string', enum: [...REQUEST_TYPES] } };
const settingsSchema = {
  type: 'object',
  required: ['autoApprove', 'fourEyes'],
  properties: {
    autoApprove: { ...typeList, description: 'Approved as soon as the requester has verified (never child_data_removal)' },
    fourEyes: { ...typeList, description: 'One officer proposes, a different officer approves' },
  },
};

@ApiTags('console: settings')
@Roles('admin')
@Controller('api/v1/console/settings')
export class SettingsController {
  constructor(private readonly settings: ConsoleSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Workflow settings: auto-approval and four-eyes per request type' })
  @ApiResponse({ status: 200, schema: settingsSchema })
  @ApiResponse({ status: 403, description: 'forbidden: admins only', type: ErrorBody })
  get(): Promise<ConsoleSettings> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary: 'Replace the workflow settings',
    description: "Both lists, whole. Refused: auto-approving child_data_removal, and a type in both lists (automatic approval would skip the second officer). Applies at once in every process; audited as settings_changed.",
  })
  @ApiBody({ schema: settingsSchema })
  @ApiResponse({ status: 200, schema: settingsSchema })
  @ApiResponse({ status: 422, description: 'validation_failed, with field errors', type: ErrorBody })
  put(@Body(new ZodBody(consoleSettingsSchema)) body: ConsoleSettings, @CurrentOfficer() admin: SignedInOfficer): Promise<ConsoleSettings> {
    return this.settings.update(body, admin.id);
  }
}
