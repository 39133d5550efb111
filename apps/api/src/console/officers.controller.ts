import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { OfficerAccounts, type OfficerView, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { IdParam } from './id-param.pipe';
import { CurrentOfficer } from './signed-in-request';

const displayName = z.string().trim().min(1).max(100);

const createSchema = z.strictObject({
  email: z.string().trim().max(254).check(z.email()),
  displayName,
  role: z.enum(OFFICER_ROLES),
  // Length rules are the account service's, so the command line and the console share them.
  password: z.string().max(1000).optional(),
});

const updateSchema = z
  .strictObject({ displayName: displayName.optional(), role: z.enum(OFFICER_ROLES).optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, { message: 'Change at least one of displayName, role, disabled.' });

const officerSchema = {
  type: 'object',
  required: ['id', 'email', 'displayName', 'role', 'totpEnabled', 'locked', 'disabled', 'lastLoginAt', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...OFFICER_ROLES] },
    totpEnabled: { type: 'boolean' },
    locked: { type: 'boolean' },
    disabled: { type: 'boolean' },
    lastLoginAt: { type: 'string', format: 'date-time', nullable: true },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

// Officer accounts are the admins' business; every change is audited by the account service and
// ends the officer's sessions where their rights shrink.
@ApiTags('console: officers')
@Roles('admin')
@Controller('api/v1/console/officers')
export class OfficersController {
  constructor(private readonly accounts: OfficerAccounts) {}

  @Get()
  @ApiOperation({ summary: 'Every officer account, disabled ones included' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['officers'], properties: { officers: { type: 'array', items: officerSchema } } } })
  @ApiResponse({ status: 403, description: 'forbidden: admins only', type: ErrorBody })
  async list(): Promise<{ officers: OfficerView[] }> {
    return { officers: await this.accounts.list() };
  }

  @Post()
  @ApiOperation({
    summary: 'Create an officer account',
    description: 'Without `password` a random one is generated and returned once, in this answer only; nothing can show it again.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['email', 'displayName', 'role'],
      properties: { email: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string', enum: [...OFFICER_ROLES] }, password: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 201, schema: { type: 'object', required: ['officer'], properties: { officer: officerSchema, password: { type: 'string', description: 'Only when generated' } } } })
  @ApiResponse({ status: 409, description: 'conflict: an officer with this email exists', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async create(@Body(new ZodBody(createSchema)) body: z.infer<typeof createSchema>, @CurrentOfficer() admin: SignedInOfficer): Promise<{ officer: OfficerView; password?: string }> {
    const { officer, password } = await this.accounts.create(body, { type: 'officer', id: admin.id });
    return password === null ? { officer } : { officer, password };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change the role of, disable or re-enable an officer',
    description: "A role change or disabling ends the officer's sessions at once. The last active admin cannot be demoted or disabled.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: { type: 'object', properties: { displayName: { type: 'string' }, role: { type: 'string', enum: [...OFFICER_ROLES] }, disabled: { type: 'boolean' } } } })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['officer'], properties: { officer: officerSchema } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'conflict: this is the last active admin', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async update(
    @Param('id', new IdParam('officer')) id: string,
    @Body(new ZodBody(updateSchema)) body: z.infer<typeof updateSchema>,
    @CurrentOfficer() admin: SignedInOfficer,
  ): Promise<{ officer: OfficerView }> {
    return { officer: await this.accounts.update(id, body, { type: 'officer', id: admin.id }) };
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset an officer's password",
    description: 'Returns a new random password once; the account is unlocked and its sessions end. Hand the password over in person or by another channel.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['password'], properties: { password: { type: 'string' } } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  async resetPassword(@Param('id', new IdParam('officer')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ password: string }> {
    return { password: await this.accounts.resetPassword(id, { type: 'officer', id: admin.id }) };
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a lockout after failed sign-ins' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['officer'], properties: { officer: officerSchema } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  async unlock(@Param('id', new IdParam('officer')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ officer: OfficerView }> {
    return { officer: await this.accounts.unlock(id, { type: 'officer', id: admin.id }) };
  }
}
