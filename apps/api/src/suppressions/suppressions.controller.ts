import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestException } from '@rightsdesk/domain';
import { RequiresApiKey } from '@rightsdesk/platform';
import { SuppressionLookup } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

@ApiTags('suppressions')
@ApiBearerAuth()
@RequiresApiKey('suppressions:read')
@Controller('api/v1/suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionLookup) {}

  @Get(':sha256')
  @ApiOperation({
    summary: 'Is this address suppressed?',
    description:
      "For the company's mailers, before every promotional send: the path is the hex sha256 of the address trimmed and lower-cased. Needs an API key with the suppressions:read scope.",
  })
  @ApiParam({ name: 'sha256', description: '64 lower-case hex characters: sha256(lower(trim(email)))' })
  @ApiResponse({ status: 200, description: '{ suppressed, since }' })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async lookup(@Param('sha256') sha256: string): Promise<{ suppressed: boolean; since: string | null }> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw new RequestException('validation_failed', 'The path must be a sha256 digest: 64 lower-case hex characters.', {
        fieldErrors: [{ path: 'sha256', code: 'invalid_value', message: 'Must be 64 lower-case hex characters.' }],
      });
    }
    return this.suppressions.lookup(sha256);
  }
}
