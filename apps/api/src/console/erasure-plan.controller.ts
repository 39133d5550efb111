import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rightsdesk/platform';
import { type ErasurePlan, ErasurePlanService, type SignedInOfficer } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { CurrentOfficer } from './signed-in-request';

const plannedCollection = {
  type: 'object',
  required: ['collection', 'count', 'effect'],
  properties: {
    collection: { type: 'string' },
    count: { type: 'integer', nullable: true, description: 'Rows or objects held for the subject; null when the system cannot count (a provider)' },
    effect: { type: 'string', description: 'What the erasure does there, from the data map' },
  },
};

const plannedSystem = {
  type: 'object',
  required: ['system', 'title', 'kind', 'collections'],
  properties: {
    system: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string', enum: ['postgres', 's3', 'webhook', 'opendsr', 'suppression'] },
    collections: { type: 'array', items: plannedCollection },
    error: { type: 'string', description: '`timeout` when the system did not answer in time, else the kind of error; no counts then' },
  },
};

// What approving an erasure would do, for the officer's confirmation: the command line's dry run
// for this request's subject. Acting roles only — it is part of deciding, and it queries the
// company's systems.
@ApiTags('console: requests')
@Roles('admin', 'officer')
@Controller('api/v1/console/requests/:id/erasure-plan')
export class ErasurePlanController {
  constructor(private readonly plans: ErasurePlanService) {}

  @Get()
  @ApiOperation({
    summary: 'The dry-run plan of an erasure or child data removal',
    description:
      "Counts per system and collection of what the subject holds, in erase order, with the effect the data map declares; changes nothing. The subject is the requester's verified email (for a child's data, the child's email and username). No values are returned, only counts and collection names. Each system gets a short time budget; one that does not answer in time is marked `error: timeout`. Audited as erasure_plan_viewed.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['requestId', 'type', 'generatedAt', 'systems'],
      properties: {
        requestId: { type: 'string', format: 'uuid' },
        type: { type: 'string', enum: ['erasure', 'child_data_removal'] },
        generatedAt: { type: 'string', format: 'date-time' },
        systems: { type: 'array', items: plannedSystem },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({ status: 403, description: 'forbidden: auditors do not run plans', type: ErrorBody })
  @ApiResponse({ status: 404, description: 'not_found: no request with this id', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'no_data_map: no data map is configured; conflict: not an erasure or child data removal request', type: ErrorBody })
  show(@Param('id') id: string, @CurrentOfficer() officer: SignedInOfficer): Promise<ErasurePlan> {
    return this.plans.plan(id, officer.id);
  }
}
