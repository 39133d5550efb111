import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@rightsdesk/platform';
import { OpenDsrCallbackService } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

// OpenDSR processors reporting a request's status. Public at the HTTP level because the caller is a
// processor, not an officer; the service admits only an allow-listed domain whose certificate
// (from its discovery document) signed the exact bytes received.
@ApiTags('opendsr')
@Public()
@Controller('api/v1/opendsr')
export class OpenDsrCallbacksController {
  constructor(private readonly callbacks: OpenDsrCallbackService) {}

  @Post(':system/callbacks')
  @HttpCode(202)
  @ApiOperation({
    summary: "An OpenDSR processor's status callback (OpenDSR 2.0 §8.6, OpenGDPR 1.0 §8.6)",
    description:
      'Body: `{ controller_id, expected_completion_time, status_callback_url, subject_request_id, request_status: "pending" | "in_progress" | "completed" | "cancelled", results_url?, results_count? }`, any Content-Type. ' +
      '`X-OpenDSR-Processor-Domain` (or `X-OpenGDPR-Processor-Domain`) must be allow-listed for the system; `X-OpenDSR-Signature` (or `X-OpenGDPR-Signature`) is the base64 signature over the SHA-256 digest of the raw body, made with the certificate named by the processor\'s discovery document. ' +
      'A repeated callback is answered 202 with outcome `duplicate` and changes nothing.',
  })
  @ApiParam({ name: 'system', description: 'The opendsr system key in the data map' })
  @ApiHeader({ name: 'X-OpenDSR-Processor-Domain', required: true })
  @ApiHeader({ name: 'X-OpenDSR-Signature', required: true })
  @ApiBody({ description: 'The callback JSON, exactly as signed', schema: { type: 'object' } })
  @ApiResponse({ status: 202, description: '{ received: true, outcome: "recorded" | "duplicate" | "in_progress" }' })
  @ApiResponse({ status: 400, description: 'malformed_body: not JSON', type: ErrorBody })
  @ApiResponse({ status: 401, description: 'unauthorized: domain not allow-listed, or certificate invalid', type: ErrorBody })
  @ApiResponse({ status: 403, description: 'forbidden: the signature does not match', type: ErrorBody })
  @ApiResponse({ status: 404, description: 'not_found: no opendsr system by that name', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: not an OpenDSR callback for this receiver', type: ErrorBody })
  async receive(@Param('system') system: string, @Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<{ received: true; outcome: string }> {
    const outcome = await this.callbacks.receive({
      systemKey: system.slice(0, 63),
      domain: header(request, 'x-opendsr-processor-domain') ?? header(request, 'x-opengdpr-processor-domain'),
      signature: header(request, 'x-opendsr-signature') ?? header(request, 'x-opengdpr-signature'),
      rawBody: Buffer.isBuffer(request.body) ? request.body : (request.rawBody ?? Buffer.alloc(0)),
    });
    return { received: true, outcome };
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
