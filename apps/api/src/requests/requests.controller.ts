import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { intakeSchema, type IntakeInput, RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import {
  GpcSignals,
  IntakeService,
  type IntakeReceipt,
  type PublicRequestStatus,
  RateLimiter,
  RequestStatusService,
  type VerificationResult,
  VerificationService,
} from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { carriesGpc } from '../http/gpc-header';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { INTAKE_EXAMPLES, intakeRequestSchema, publicStatusSchema, receiptSchema, verificationResultSchema } from './requests.openapi';

const verifyBodySchema = z.strictObject({ token: z.string().min(1).max(128) });

@ApiTags('requests')
@Public()
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly verification: VerificationService,
    private readonly status: RequestStatusService,
    private readonly rateLimiter: RateLimiter,
    private readonly gpc: GpcSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'File a privacy request',
    description:
      'Files a request and emails a confirmation link to the address given. The answer is the same whether or not the company holds data about that address; nothing happens until the link is followed. The exception is an opt-out whose only channel is sale_sharing: it needs no confirmation (11 CCR §7026(d)), so it is approved at once (status `approved`) and the email carries the status link. An identical unconfirmed request for the same address and type within 24 hours returns the existing reference and re-sends the link (at most every few minutes).',
  })
  @ApiBody({ schema: intakeRequestSchema, examples: INTAKE_EXAMPLES })
  @ApiResponse({ status: 202, description: 'Accepted; check your email', schema: receiptSchema })
  @ApiResponse({ status: 415, description: 'unsupported_media_type', type: ErrorBody })
  @ApiResponse({ status: 413, description: 'payload_too_large', type: ErrorBody })
  @ApiResponse({ status: 400, description: 'malformed_body', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed, with fieldErrors', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'rate_limited (per IP and per email); see Retry-After', type: ErrorBody })
  async file(@Body(new ZodBody(intakeSchema)) body: IntakeInput, @Req() request: FastifyRequest): Promise<IntakeReceipt & { message: string }> {
    await this.rateLimiter.consume('intake-ip', clientIp(request), this.config.rateLimits.intakePerIpPerHour, 3600);
    const receipt = await this.intake.file(body);
    return {
      ...receipt,
      message:
        receipt.status === 'approved'
          ? 'Done: an opt-out of sale and sharing needs no confirmation. We have emailed you a link to follow it.'
          : 'Check your email and follow the link to confirm this request.',
    };
  }

  @Post(':reference/verification')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a request with the emailed link token',
    description:
      'Proves possession of the email address. The token is single-use and expires; wrong tokens count against the request and lock it after a few attempts. Returns the status token used to read the request status.',
  })
  @ApiParam({ name: 'reference', example: 'RD-7K2M-9QXW-4HTN-P3VA' })
  @ApiBody({ schema: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', maxLength: 128 } } } })
  @ApiHeader({ name: 'Sec-GPC', required: false, description: 'Global Privacy Control: exactly 1 records an opt-out of sale/sharing for the requester (see docs/gpc.md)' })
  @ApiResponse({ status: 200, description: 'Verified (or already verified)', schema: verificationResultSchema })
  @ApiResponse({ status: 400, description: 'verification_invalid', type: ErrorBody })
  @ApiResponse({ status: 410, description: 'verification_expired', type: ErrorBody })
  @ApiResponse({ status: 403, description: 'verification_locked', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'rate_limited', type: ErrorBody })
  async verify(
    @Param('reference') reference: string,
    @Body(new ZodBody(verifyBodySchema)) body: z.infer<typeof verifyBodySchema>,
    @Req() request: FastifyRequest,
  ): Promise<VerificationResult> {
    await this.rateLimiter.consume('verify-ip', clientIp(request), this.config.rateLimits.verifyPerIpPerHour, 3600);
    const result = await this.verification.verify(reference, body.token);
    // Only after the link proved who is asking.
    if (carriesGpc(request)) {
      await this.gpc.honourForReference(result.reference, 'verification');
    }
    return result;
  }

  @Get(':reference')
  @ApiOperation({
    summary: 'Status of a request, for the requester',
    description: 'Needs the status token from the emails (header X-Status-Token, or ?token=). A wrong token answers 404, exactly like an unknown reference.',
  })
  @ApiParam({ name: 'reference', example: 'RD-7K2M-9QXW-4HTN-P3VA' })
  @ApiHeader({ name: 'X-Status-Token', required: false })
  @ApiQuery({ name: 'token', required: false })
  @ApiHeader({ name: 'Sec-GPC', required: false, description: 'Global Privacy Control: exactly 1 records an opt-out of sale/sharing for the requester (see docs/gpc.md)' })
  @ApiResponse({ status: 200, description: 'The request status with its public timeline', schema: publicStatusSchema })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'rate_limited', type: ErrorBody })
  async get(
    @Param('reference') reference: string,
    @Headers('x-status-token') headerToken: string | undefined,
    @Query('token') queryToken: unknown,
    @Req() request: FastifyRequest,
  ): Promise<PublicRequestStatus> {
    await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
    const token = headerToken ?? (typeof queryToken === 'string' ? queryToken : '');
    if (token.length > 128 || reference.length > 40) {
      throw new RequestException('not_found', 'No request matches this reference and link.');
    }
    return this.status.publicStatus(reference, token, { gpc: carriesGpc(request) });
  }
}
