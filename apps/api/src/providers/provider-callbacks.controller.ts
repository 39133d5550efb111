import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Public } from '@rightsdesk/platform';
import { ProviderCallbackService } from '@rightsdesk/workflow';

// Service providers answering a webhook later. Public at the HTTP level because the caller is a
// provider, not an officer; the service admits only a valid signature made with the system's secret.
@ApiExcludeController()
@Public()
@Controller('api/v1/providers')
export class ProviderCallbacksController {
  constructor(private readonly callbacks: ProviderCallbackService) {}

  @Post(':system/callbacks')
  @HttpCode(200)
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
