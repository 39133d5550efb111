import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LOGGED_CHANNELS } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { LoggedIntake, type LoggedRequestReceipt, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { intakeRequestSchema } from '../requests/requests.openapi';
import { type LoggedRequestBody, LoggedRequestBodyPipe } from './logged-request-body.pipe';
import { CurrentOfficer } from './signed-in-request';

const loggedFieldsSchema = {
  type: 'object',
  required: ['channel', 'receivedOn', 'identityVerified'],
  properties: {
    channel: { type: 'string', enum: [...LOGGED_CHANNELS], description: 'How the request arrived' },
    receivedOn: { type: 'string', format: 'date', description: 'The day it reached the company (UTC); not in the future, at most a year ago. The statutory clock runs from it.' },
    identityVerified: { type: 'boolean', description: 'The officer has checked who is asking: the request starts in review. Otherwise the requester gets the usual confirmation link.' },
  },
};

// Requests that arrive by post, phone or email, typed in by an officer with the day they arrived.
@ApiTags('console: requests')
@Roles('admin', 'officer')
@Controller('api/v1/console/requests')
export class LoggedRequestsController {
  constructor(private readonly intake: LoggedIntake) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Log a request that arrived by post, phone or email',
    description:
      'The intake fields of POST /api/v1/requests (same validation) plus channel, receivedOn and identityVerified. The clock runs from receivedOn. With identityVerified the request is awaiting_review at once and the requester is emailed the status link; without, it is pending_verification and they get the confirmation link. Audited as request_logged with the officer as actor.',
  })
  @ApiBody({ schema: { allOf: [intakeRequestSchema, loggedFieldsSchema] }, examples: {
    letter: {
      summary: 'An access request that came by post, identity checked',
      value: { type: 'access', email: 'ada@example.com', name: 'Ada Lovelace', country: 'DE', language: 'de', channel: 'post', receivedOn: '2026-11-20', identityVerified: true },
    },
  } })
  @ApiResponse({ status: 201, description: 'Logged', schema: { type: 'object', required: ['id', 'reference', 'status'], properties: { id: { type: 'string', format: 'uuid' }, reference: { type: 'string' }, status: { type: 'string', enum: ['awaiting_review', 'pending_verification', 'approved'], description: 'approved when the type is auto-approved and identity was checked' } } } })
  @ApiResponse({ status: 403, description: 'forbidden: auditors cannot log requests', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed, with fieldErrors (receivedOn in the future or over a year ago included)', type: ErrorBody })
  log(@Body(new LoggedRequestBodyPipe()) body: LoggedRequestBody, @CurrentOfficer() officer: SignedInOfficer): Promise<LoggedRequestReceipt> {
    return this.intake.log(body.intake, body.facts, officer.id);
  }
}
