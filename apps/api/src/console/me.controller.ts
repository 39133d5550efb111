import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { DuringEnrolment, Roles } from '@rightsdesk/platform';
import { ConsoleSignIn, OfficerAccounts, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { CurrentOfficer } from './signed-in-request';

const codeSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'Six digits.') });
const codeBody = { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^\\d{6}$' } } } };
const passwordBody = {
  schema: { type: 'object', required: ['currentPassword', 'newPassword'], properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string' } } },
};
const passwordSchema = z.strictObject({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) });

// What every officer may do to their own account, whatever their role.
@ApiTags('console: my account')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/me')
export class MeController {
  constructor(
    private readonly signIn: ConsoleSignIn,
    private readonly accounts: OfficerAccounts,
  ) {}

  @Post('totp')
  @DuringEnrolment()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start setting up a TOTP second factor', description: 'Returns the secret and an otpauth:// URI for an authenticator app; confirm with a code to turn it on.' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['secret', 'otpauthUri'], properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' } } } })
  @ApiResponse({ status: 409, description: 'conflict: already set up', type: ErrorBody })
  beginTotp(@CurrentOfficer() officer: SignedInOfficer) {
    return this.signIn.beginTotp(officer);
  }

  @Post('totp/confirm')
  @DuringEnrolment()
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the second factor on with a code from the app' })
  @ApiBody(codeBody)
  @ApiResponse({ status: 422, description: 'validation_failed: wrong code', type: ErrorBody })
  async confirmTotp(@CurrentOfficer() officer: SignedInOfficer, @Body(new ZodBody(codeSchema)) body: z.infer<typeof codeSchema>): Promise<void> {
    await this.signIn.confirmTotp(officer, body.code);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the second factor off (needs a current code)' })
  @ApiBody(codeBody)
  @ApiResponse({ status: 403, description: 'forbidden: admins must keep one on this installation', type: ErrorBody })
  async disableTotp(@CurrentOfficer() officer: SignedInOfficer, @Body(new ZodBody(codeSchema)) body: z.infer<typeof codeSchema>): Promise<void> {
    await this.signIn.disableTotp(officer, body.code);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password', description: 'Ends every other session of mine.' })
  @ApiBody(passwordBody)
  @ApiResponse({ status: 401, description: 'login_failed: the current password is wrong', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: the new password is too short or too long', type: ErrorBody })
  async changePassword(@CurrentOfficer() officer: SignedInOfficer, @Body(new ZodBody(passwordSchema)) body: z.infer<typeof passwordSchema>): Promise<void> {
    await this.accounts.changePassword(officer.id, officer.sessionId, body.currentPassword, body.newPassword);
  }
}
