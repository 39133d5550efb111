import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestException } from '@rightsdesk/domain';
import { RequiresApiKey } from '@rightsdesk/platform';
import { type SuppressionAnswer, SuppressionLookup } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

@ApiTags('suppressions')
@ApiBearerAuth()
@RequiresApiKey('suppressions:read')
@Controller('api/v1/suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionLookup) {}

  @Get(':sha256')
  @ApiOperation({
    summary: 'Is this address suppressed, and has it opted out of sale/sharing?',
    description:
      "For the company's mailers, before every promotional send (`suppressed`, `since`: the marketing list), and for its ad-tech, before selling or sharing a person's data (`saleSharing`: \"do not sell or share my personal information\", CCPA §1798.120, recorded by opt-out requests and Global Privacy Control signals). The path is the hex sha256 of the address trimmed and lower-cased. Needs an API key with the suppressions:read scope.",
  })
  @ApiParam({ name: 'sha256', description: '64 lower-case hex characters: sha256(lower(trim(email)))' })
  @ApiResponse({
    status: 200,
    description: 'What the address opted out of, and since when',
    schema: {
      type: 'object',
      required: ['suppressed', 'since', 'saleSharing'],
      properties: {
        suppressed: { type: 'boolean', description: 'On the marketing suppression list' },
        since: { type: 'string', format: 'date-time', nullable: true },
        saleSharing: {
          type: 'object',
          required: ['optedOut', 'since'],
          properties: { optedOut: { type: 'boolean' }, since: { type: 'string', format: 'date-time', nullable: true } },
        },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async lookup(@Param('sha256') sha256: string): Promise<SuppressionAnswer> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw new RequestException('validation_failed', 'The path must be a sha256 digest: 64 lower-case hex characters.', {
        fieldErrors: [{ path: 'sha256', code: 'invalid_value', message: 'Must be 64 lower-case hex characters.' }],
      });
    }
    return this.suppressions.lookup(sha256);
  }
}
