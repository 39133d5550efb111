import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@rightsdesk/platform';
import { API_KEY_SCOPES, ApiKeyService, type ApiKeyView, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { IdParam } from './id-param.pipe';
import { CurrentOfficer } from './signed-in-request';

const createSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, 'Give the key at least one scope.')
    .max(API_KEY_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'Each scope may be listed only once.' }),
});

const apiKeySchema = {
  type: 'object',
  required: ['id', 'name', 'prefix', 'scopes', 'createdAt', 'lastUsedAt', 'revokedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    prefix: { type: 'string', description: 'The public part of the key, rdk_<prefix>_…' },
    scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] } },
    createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: 'string', format: 'date-time', nullable: true },
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

// Keys for the company's own servers (e.g. mailers asking the suppression list). The secret is
// returned once at creation; only its keyed hash is stored, so a lost key is revoked and replaced.
@ApiTags('console: API keys')
@Roles('admin')
@Controller('api/v1/console/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Get()
  @ApiOperation({ summary: 'Every API key, revoked ones included (never the secret)' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['apiKeys'], properties: { apiKeys: { type: 'array', items: apiKeySchema } } } })
  @ApiResponse({ status: 403, description: 'forbidden: admins only', type: ErrorBody })
  async list(): Promise<{ apiKeys: ApiKeyView[] }> {
    return { apiKeys: await this.keys.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Issue an API key', description: `Scopes: ${API_KEY_SCOPES.join(', ')}. The key is in this answer only. Audited as api_key_created.` })
  @ApiBody({ schema: { type: 'object', required: ['name', 'scopes'], properties: { name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] } } } } })
  @ApiResponse({ status: 201, schema: { type: 'object', required: ['apiKey', 'key'], properties: { apiKey: apiKeySchema, key: { type: 'string', description: 'Send as Authorization: Bearer <key>; shown once' } } } })
  @ApiResponse({ status: 422, description: 'validation_failed: no name, no scope or an unknown one', type: ErrorBody })
  async create(@Body(new ZodBody(createSchema)) body: z.infer<typeof createSchema>, @CurrentOfficer() admin: SignedInOfficer): Promise<{ apiKey: ApiKeyView; key: string }> {
    const issued = await this.keys.issue(body.name, body.scopes, { type: 'officer', id: admin.id });
    return { apiKey: await this.keys.get(issued.id), key: issued.key };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Calls with it fail from now on. Revoking a revoked key changes nothing. Audited as api_key_revoked.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['apiKey'], properties: { apiKey: apiKeySchema } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  async revoke(@Param('id', new IdParam('API key')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ apiKey: ApiKeyView }> {
    return { apiKey: await this.keys.revokeById(id, { type: 'officer', id: admin.id }) };
  }
}
