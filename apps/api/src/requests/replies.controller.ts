import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { GpcSignals, RateLimiter, type ReplyReceipt, RequesterReplies } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { carriesGpc } from '../http/gpc-header';
import { ErrorBody } from '../http/error-body';
import { readReplyBody, REPLY_MESSAGE_MAX } from './reply-body';

@ApiTags('requests')
@Public()
@Controller('api/v1/requests')
export class RepliesController {
  constructor(
    private readonly replies: RequesterReplies,
    private readonly rateLimiter: RateLimiter,
    private readonly gpc: GpcSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':reference/replies')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Answer the privacy team’s question',
    description:
      'While the request is on hold (the team asked for information), the requester answers with the status token from the newest email (header X-Status-Token; a wrong token answers 404 like an unknown reference). JSON `{ message }`, or multipart/form-data with a `message` field and files in `files` (PDF, PNG or JPEG, recognised by their content; at most UPLOAD_MAX_FILES files of UPLOAD_MAX_BYTES each). The request goes back to review and the paused clock resumes.',
  })
  @ApiParam({ name: 'reference', example: 'RD-7K2M-9QXW-4HTN-P3VA' })
  @ApiHeader({ name: 'X-Status-Token', required: true })
  @ApiHeader({ name: 'Sec-GPC', required: false, description: 'Global Privacy Control: exactly 1 records an opt-out of sale/sharing for the requester (see docs/gpc.md)' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        message: { type: 'string', minLength: 1, maxLength: REPLY_MESSAGE_MAX, description: 'Required in JSON; in a form it may be empty when files are attached' },
        files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'multipart/form-data only' },
      },
    },
  })
  @ApiResponse({ status: 201, description: 'Answer stored; the request is back in review', schema: { type: 'object', required: ['reference', 'status', 'files'], properties: { reference: { type: 'string' }, status: { type: 'string', enum: ['awaiting_review'] }, files: { type: 'integer' } } } })
  @ApiResponse({ status: 404, description: 'not_found: unknown reference or wrong status token', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'illegal_transition: the request is not waiting for an answer', type: ErrorBody })
  @ApiResponse({ status: 413, description: 'payload_too_large: a file over the size limit, or too many files', type: ErrorBody })
  @ApiResponse({ status: 415, description: 'unsupported_media_type', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: empty or too long message, a file that is not PDF, PNG or JPEG', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'rate_limited', type: ErrorBody })
  async reply(
    @Param('reference') reference: string,
    @Headers('x-status-token') token: string | undefined,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ReplyReceipt> {
    await this.rateLimiter.consume('reply-ip', clientIp(request), this.config.rateLimits.replyPerIpPerHour, 3600);
    if (!token || token.length > 128 || reference.length > 40) {
      throw new RequestException('not_found', 'No request matches this reference and link.');
    }
    // The link is checked before a byte of the upload is read.
    await this.replies.admit(reference, token);
    const receipt = await this.replies.reply(reference, token, await readReplyBody(request, body, this.config.console));
    if (carriesGpc(request)) {
      await this.gpc.honourForReference(reference, 'reply');
    }
    return receipt;
  }
}
