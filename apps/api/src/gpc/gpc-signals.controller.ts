import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { INTAKE_LANGUAGES, RequestException } from '@rightsdesk/domain';
import { RequiresApiKey } from '@rightsdesk/platform';
import { GpcSignals } from '@rightsdesk/workflow';
import type { ApiKeyRequest } from '../http/api-key-request';
import { ErrorBody } from '../http/error-body';
import { carriesGpc } from '../http/gpc-header';
import { ZodBody } from '../http/zod-body.pipe';

// Country and region are checked again by the intake schema when the opt-out is filed.
const bodySchema = z.strictObject({
  email: z.string().trim().max(254).check(z.email()),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/).optional(),
  region: z.string().trim().regex(/^(?:[A-Za-z]{2}-)?[A-Za-z0-9]{1,3}$/).optional(),
  language: z.enum(INTAKE_LANGUAGES).optional(),
});

export interface GpcSignalReceipt {
  /** false: this person's signal was honoured before, and nothing new was filed. */
  recorded: boolean;
  honouredAt: string;
}

@ApiTags('gpc')
@ApiBearerAuth()
@RequiresApiKey('gpc-signals:create')
@Controller('api/v1/gpc-signals')
export class GpcSignalsController {
  constructor(private readonly gpc: GpcSignals) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Forward a signed-in user's Global Privacy Control signal",
    description:
      "For the company's website: when a page request from a user it has signed in carries `Sec-GPC: 1`, it forwards that header with the user's email (and country/region when known). Records an opt-out of sale and sharing (channel gpc, approved at once, no verification: 11 CCR §7025) once per person; repeating it files nothing new. Without `Sec-GPC: 1` (exactly) it is refused and nothing is recorded. Needs an API key with the gpc-signals:create scope, which can do nothing else.",
  })
  @ApiHeader({ name: 'Sec-GPC', required: true, description: 'Exactly 1' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['email'],
      additionalProperties: false,
      properties: {
        email: { type: 'string', format: 'email', maxLength: 254 },
        country: { type: 'string', example: 'US', description: 'ISO 3166-1 alpha-2; unknown: the configured fallback regime' },
        region: { type: 'string', example: 'CA' },
        language: { type: 'string', enum: [...INTAKE_LANGUAGES] },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'Honoured (now, or before)',
    schema: { type: 'object', required: ['recorded', 'honouredAt'], properties: { recorded: { type: 'boolean' }, honouredAt: { type: 'string', format: 'date-time' } } },
  })
  @ApiResponse({ status: 401, description: 'unauthorized: no key, or a key without gpc-signals:create', type: ErrorBody })
  @ApiResponse({ status: 415, description: 'unsupported_media_type', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: body, or no Sec-GPC: 1 header', type: ErrorBody })
  async record(@Body(new ZodBody(bodySchema)) body: z.infer<typeof bodySchema>, @Req() request: ApiKeyRequest): Promise<GpcSignalReceipt> {
    if (!request.apiKeyId) {
      // The guard sets it on every route that names a scope: a programming error, not the caller's.
      throw new Error('API key route reached without an authenticated key');
    }
    if (!carriesGpc(request)) {
      throw new RequestException('validation_failed', 'Forward the signal: this call needs the header Sec-GPC: 1.', {
        fieldErrors: [{ path: 'Sec-GPC', code: 'invalid_value', message: 'Must be exactly 1.' }],
      });
    }
    const result = await this.gpc.honourForPerson(
      {
        email: body.email,
        ...(body.country ? { country: body.country.toUpperCase() } : {}),
        ...(body.region ? { region: body.region.toUpperCase() } : {}),
        ...(body.language ? { language: body.language } : {}),
      },
      request.apiKeyId,
    );
    return { recorded: result.recorded, honouredAt: result.honouredAt.toISOString() };
  }
}
