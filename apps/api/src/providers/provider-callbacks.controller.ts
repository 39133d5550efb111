import { Controller, HttpCode, Param, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@rightsdesk/platform';
import { ProviderCallbackService } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

// Service providers answering a webhook later. Public at the HTTP level because the caller is a
// provider, not an officer; the service admits only a valid signature made with the system's secret.
@ApiTags('providers')
@Public()
@Controller('api/v1/providers')
export class ProviderCallbacksController {
  constructor(private readonly callbacks: ProviderCallbackService) {}

  @Post(':system/callbacks')
  @HttpCode(200)
  @ApiOperation({
    summary: "A service provider's answer to a webhook it accepted with 202",
    description:
      'Body: `{ request_id, system_key, status: "completed" | "failed", collections: [{ collection, found, changed }], records?, reason? }`. ' +
      'Signed like our webhooks: `Rightsdesk-Timestamp` (unix seconds, within 5 minutes) and `Rightsdesk-Signature: v1=<hex HMAC-SHA256 of "timestamp.body" with the shared secret>`. ' +
      'A repeated callback is answered 200 with outcome `duplicate` and changes nothing.',
  })
  @ApiParam({ name: 'system', description: 'The webhook system key in the data map' })
  @ApiHeader({ name: 'Rightsdesk-Timestamp', required: true })
  @ApiHeader({ name: 'Rightsdesk-Signature', required: true })
  @ApiResponse({ status: 200, description: '{ received: true, outcome: "recorded" | "duplicate" }' })
  @ApiResponse({ status: 400, description: 'malformed_body', type: ErrorBody })
  @ApiResponse({ status: 401, description: 'unauthorized: signature missing, expired or wrong', type: ErrorBody })
  @ApiResponse({ status: 404, description: 'not_found: no webhook system by that name', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async receive(@Param('system') system: string, @Req() request: RawBodyRequest<FastifyRequest>): Promise<{ received: true; outcome: string }> {
    const outcome = await this.callbacks.receive({
      systemKey: system.slice(0, 63),
      timestamp: header(request, 'rightsdesk-timestamp'),
      signature: header(request, 'rightsdesk-signature'),
      rawBody: request.rawBody?.toString('utf8') ?? '',
    });
    return { received: true, outcome };
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
