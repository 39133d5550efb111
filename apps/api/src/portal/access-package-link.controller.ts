import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { AccessPackageDelivery, GpcSignals, RateLimiter } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { carriesGpc } from '../http/gpc-header';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';

const lookupBodySchema = z.strictObject({ token: z.string().min(1).max(128) });

export interface AccessPackageLink {
  expiresAt: string;
  downloadsRemaining: number;
}

// The download page asks whether its link still works before offering the button. The token
// travels in a JSON body, never in a path (paths are logged), and looking uses no download.
@ApiTags('requests')
@Public()
@Controller('api/v1/access-packages')
export class AccessPackageLinkController {
  constructor(
    private readonly delivery: AccessPackageDelivery,
    private readonly rateLimiter: RateLimiter,
    private readonly gpc: GpcSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Whether an access package link still works',
    description:
      'For the download page: with the token from the "Your data is ready" email, until when the link works and how many downloads are left. Uses no download. A wrong, expired or used-up token answers 410 alike. The file itself comes from the form POST /requests/download.',
  })
  @ApiBody({ schema: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 128 } } } })
  @ApiHeader({ name: 'Sec-GPC', required: false, description: 'Global Privacy Control: exactly 1 records an opt-out of sale/sharing for the requester (see docs/gpc.md)' })
  @ApiResponse({
    status: 200,
    description: 'The link works',
    schema: {
      type: 'object',
      required: ['expiresAt', 'downloadsRemaining'],
      properties: { expiresAt: { type: 'string', format: 'date-time' }, downloadsRemaining: { type: 'integer', minimum: 1 } },
    },
  })
  @ApiResponse({ status: 410, description: 'package_unavailable: wrong, expired or used up', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  @ApiResponse({ status: 429, description: 'rate_limited', type: ErrorBody })
  async lookup(@Body(new ZodBody(lookupBodySchema)) body: z.infer<typeof lookupBodySchema>, @Req() request: FastifyRequest): Promise<AccessPackageLink> {
    // The same budget as the status endpoint: both answer whether a secret from an email is right.
    await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
    const link = await this.delivery.describe(body.token);
    if (!link) {
      throw new RequestException('package_unavailable', 'This download link is invalid, has expired or has been used up.');
    }
    if (carriesGpc(request)) {
      await this.gpc.honourForRequestId(link.requestId, 'download');
    }
    return { expiresAt: link.expiresAt.toISOString(), downloadsRemaining: link.downloadsRemaining };
  }
}
