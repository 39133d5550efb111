import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { intakeSchema, type IntakeInput } from '@rightsdesk/domain';
import { RequiresApiKey } from '@rightsdesk/platform';
import { AppIntake, type AppFilingReceipt, GpcSignals } from '@rightsdesk/workflow';
import type { ApiKeyRequest } from '../http/api-key-request';
import { ErrorBody } from '../http/error-body';
import { carriesGpc } from '../http/gpc-header';
import { ZodBody } from '../http/zod-body.pipe';
import { INTAKE_EXAMPLES, intakeRequestSchema } from './requests.openapi';

@ApiTags('requests')
@ApiBearerAuth()
@RequiresApiKey('requests:create')
@Controller('api/v1/requests/verified')
export class VerifiedRequestsController {
  constructor(
    private readonly intake: AppIntake,
    private readonly gpc: GpcSignals,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'File a request for a user the company’s app has signed in',
    description:
      'For the company’s own app, with an API key carrying the requests:create scope: the app has already established who the user is, so the request starts verified (awaiting_review, channel "api") and the requester is emailed the status link, not a confirmation link. Same body and validation as POST /api/v1/requests. Auto-approval applies as for a confirmed request.',
  })
  @ApiBody({ schema: intakeRequestSchema, examples: INTAKE_EXAMPLES })
  @ApiHeader({ name: 'Sec-GPC', required: false, description: "Global Privacy Control, forwarded from the signed-in user's browser: exactly 1 also records an opt-out of sale/sharing for them (see docs/gpc.md)" })
  @ApiResponse({ status: 202, description: 'Filed and verified', schema: { type: 'object', properties: { reference: { type: 'string' }, status: { type: 'string', enum: ['awaiting_review', 'approved'] } } } })
  @ApiResponse({ status: 401, description: 'unauthorized: no key, or a key without requests:create', type: ErrorBody })
  @ApiResponse({ status: 415, description: 'unsupported_media_type', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed, with fieldErrors', type: ErrorBody })
  async file(@Body(new ZodBody(intakeSchema)) body: IntakeInput, @Req() request: ApiKeyRequest): Promise<AppFilingReceipt> {
    if (!request.apiKeyId) {
      // The guard sets it on every route that names a scope: a programming error, not the caller's.
      throw new Error('API key route reached without an authenticated key');
    }
    const receipt = await this.intake.file(body, request.apiKeyId);
    // The app vouches for the user it signed in; the request just filed carries their email and place.
    if (carriesGpc(request)) {
      await this.gpc.honourForReference(receipt.reference, 'app');
    }
    return receipt;
  }
}
