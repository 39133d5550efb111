import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CONSOLE_ACTIONS, isUuid, OFFICER_ROLES, REGIMES, REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import {
  type QueuePage,
  RequestDetailService,
  type RequestDetail,
  RequestQueue,
  type SignedInOfficer,
} from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { queryParam, ZodQuery } from '../http/zod-query.pipe';
import {
  clockSchema,
  countsSchema,
  emailSchema,
  messageSchema,
  officerRef,
  queueItemSchema,
  requestSchema,
  systemSchema,
  timelineEntrySchema,
} from './queue.openapi';
import { CurrentOfficer } from './signed-in-request';

const DEFAULT_LIMIT = 25;

const listQuerySchema = z.strictObject({
  status: queryParam.list(REQUEST_STATUSES).optional(),
  type: queryParam.list(REQUEST_TYPES).optional(),
  regime: queryParam.list(REGIMES).optional(),
  assignee: z
    .string()
    .refine((value) => value === 'me' || value === 'none' || isUuid(value), {
      message: "An officer's id, me or none.",
    })
    .optional(),
  verified: queryParam.flag().optional(),
  dueBefore: queryParam.date().optional(),
  overdue: queryParam.flag().optional(),
  onHold: queryParam.flag().optional(),
  q: z.string().trim().min(1).max(254).optional(),
  sort: z.enum(['due', 'received']).optional(),
  cursor: queryParam.cursor().optional(),
  limit: queryParam.limit(100).optional(),
});

type ListQuery = z.infer<typeof listQuerySchema>;

// The triage queue and one request's full picture; every role reads them.
// A request an authorized agent filed through the Data Rights Protocol (docs/drp.md).
const agentFilingSchema = {
  type: 'object',
  nullable: true,
  required: ['agentId', 'agentName', 'drpRequestId', 'agentRequestId', 'exercise', 'drpVersion', 'regime', 'claims', 'relationships', 'revokedAt'],
  properties: {
    agentId: { type: 'string' },
    agentName: { type: 'string', nullable: true },
    drpRequestId: { type: 'string', format: 'uuid' },
    agentRequestId: { type: 'string', nullable: true },
    exercise: { type: 'string', example: 'deletion' },
    drpVersion: { type: 'string', example: '1.0' },
    regime: { type: 'string', nullable: true, description: 'As the agent sent it; null: a voluntary request' },
    claims: {
      type: 'object',
      nullable: true,
      description: 'The identity claims as the agent sent them (DRP §3.04); null once the record is minimized',
      properties: {
        name: { type: 'string' },
        email: { type: 'string' },
        email_verified: { type: 'boolean' },
        phone_number: { type: 'string' },
        phone_number_verified: { type: 'boolean' },
        address: { type: 'object', additionalProperties: { type: 'string' } },
        address_verified: { type: 'boolean' },
        power_of_attorney: { type: 'string' },
      },
    },
    relationships: { type: 'array', items: { type: 'string' } },
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

@ApiTags('console: queue')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/requests')
export class QueueController {
  constructor(
    private readonly queue: RequestQueue,
    private readonly detail: RequestDetailService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The request queue',
    description:
      'Filters combine with AND. `status`, `type` and `regime` take one value or several, comma-separated. `q` finds a request by its reference (typed any way) or by the exact email address of the requester (matched through a keyed hash, never by reading personal data). `overdue=true`: open (not completed, denied, cancelled or expired) and due before today. Sorted by due date, soonest first (`sort=due`, default) or by receipt, newest first (`sort=received`). Pass `nextCursor` back as `cursor` with the same filters and sort for the next page. `counts` gives the requests per status under the same filters except `status`, for tabs. Items carry no personal data of the requester.',
  })
  @ApiQuery({
    name: 'status',
    required: false,
    description: `Comma-separated: ${REQUEST_STATUSES.join(', ')}`,
  })
  @ApiQuery({ name: 'type', required: false, description: `Comma-separated: ${REQUEST_TYPES.join(', ')}` })
  @ApiQuery({ name: 'regime', required: false, description: `Comma-separated: ${REGIMES.join(', ')}` })
  @ApiQuery({
    name: 'assignee',
    required: false,
    description: "An officer's id, `me` or `none` (unassigned)",
  })
  @ApiQuery({ name: 'verified', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'dueBefore', required: false, description: 'YYYY-MM-DD: due strictly before this date' })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'onHold', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'q', required: false, description: 'A reference or an exact email address' })
  @ApiQuery({ name: 'sort', required: false, enum: ['due', 'received'] })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1–100, default ${DEFAULT_LIMIT}` })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['items', 'nextCursor', 'counts'],
      properties: {
        items: { type: 'array', items: queueItemSchema },
        nextCursor: { type: 'string', nullable: true },
        counts: countsSchema,
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 422,
    description: 'validation_failed: an unknown or malformed parameter, a bad cursor or search',
    type: ErrorBody,
  })
  list(
    @Query(new ZodQuery(listQuerySchema)) query: ListQuery,
    @CurrentOfficer() officer: SignedInOfficer,
  ): Promise<QueuePage> {
    return this.queue.list(
      {
        filter: {
          statuses: query.status,
          types: query.type,
          regimes: query.regime,
          assignee: query.assignee,
          verified: query.verified,
          dueBefore: query.dueBefore,
          overdue: query.overdue,
          onHold: query.onHold,
          q: query.q,
        },
        sort: query.sort ?? 'due',
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_LIMIT,
      },
      officer.id,
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One request, with everything needed to decide on it',
    description:
      "The request, the requester's data (decrypted), the statutory clock with its explanation, the timeline from the audit trail, per-system execution outcomes, the emails sent (never their content), the conversation with its uploads, the assignee and any four-eyes proposal, and for a request an authorized agent filed (DRP) the agent and the identity claims it vouches for. Every read is recorded in the audit trail (`request_viewed`).",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['request', 'subject', 'assignee', 'approvalProposal', 'fourEyes', 'clock', 'timeline', 'systems', 'emails', 'conversation', 'agent', 'actions'],
      properties: {
        request: requestSchema,
        subject: {
          type: 'object',
          required: ['email', 'name', 'details'],
          properties: {
            email: { type: 'string' },
            name: { type: 'string', nullable: true },
            details: { type: 'object', nullable: true, additionalProperties: true, description: 'As filed, per request type' },
          },
        },
        assignee: officerRef,
        approvalProposal: {
          type: 'object',
          nullable: true,
          required: ['by', 'at'],
          properties: { by: officerRef, at: { type: 'string', format: 'date-time' } },
        },
        fourEyes: { type: 'boolean', description: 'Approving needs two officers (settings): the first approval is recorded as a proposal' },
        clock: clockSchema,
        timeline: { type: 'array', items: timelineEntrySchema },
        systems: { type: 'array', items: systemSchema },
        emails: { type: 'array', items: emailSchema },
        conversation: { type: 'array', items: messageSchema },
        agent: agentFilingSchema,
        actions: { type: 'array', description: 'What the signed-in officer may do to this request now (empty for auditors)', items: { type: 'string', enum: [...CONSOLE_ACTIONS] } },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 404,
    description: 'not_found: no request with this id (or not an id at all)',
    type: ErrorBody,
  })
  show(@Param('id') id: string, @CurrentOfficer() officer: SignedInOfficer): Promise<RequestDetail> {
    return this.detail.show(id, officer);
  }
}
