import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isUuid, OFFICER_ROLES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { type AuditPage, type AuditVerification, AuditView } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { queryParam, ZodQuery } from '../http/zod-query.pipe';

const DEFAULT_LIMIT = 50;

const auditQuerySchema = z.strictObject({
  requestId: z.string().refine(isUuid, { message: 'Must be a request id (uuid).' }).optional(),
  action: z.string().min(1).max(64).optional(),
  actorId: z.string().min(1).max(64).optional(),
  from: queryParam.date().optional(),
  to: queryParam.date().optional(),
  cursor: queryParam.cursor().optional(),
  limit: queryParam.limit(100).optional(),
});

type AuditQuery = z.infer<typeof auditQuerySchema>;

const auditItemSchema = {
  type: 'object',
  required: ['id', 'at', 'requestId', 'action', 'actor', 'fromStatus', 'toStatus', 'reason', 'data'],
  properties: {
    id: { type: 'string', description: 'The event id (a growing number, as text)' },
    at: { type: 'string', format: 'date-time' },
    requestId: { type: 'string', format: 'uuid', nullable: true },
    action: { type: 'string', example: 'request_viewed' },
    actor: {
      type: 'object',
      required: ['type', 'id', 'displayName'],
      properties: {
        type: { type: 'string', enum: ['requester', 'officer', 'system', 'agent'] },
        id: { type: 'string', nullable: true },
        displayName: { type: 'string', nullable: true, description: 'For officers' },
      },
    },
    fromStatus: { type: 'string', nullable: true },
    toStatus: { type: 'string', nullable: true },
    reason: { type: 'string', nullable: true },
    data: { type: 'object', nullable: true },
  },
};

// The tamper-evident trail, for every role: it holds ids, statuses and codes only.
@ApiTags('console: audit trail')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/audit')
export class AuditController {
  constructor(private readonly audit: AuditView) {}

  @Get()
  @ApiOperation({
    summary: 'Audit events, newest first',
    description:
      '`from` and `to` are UTC dates, both inclusive. Pass `nextCursor` back as `cursor` with the same filters for the next page.',
  })
  @ApiQuery({ name: 'requestId', required: false })
  @ApiQuery({ name: 'action', required: false, example: 'request_approved' })
  @ApiQuery({
    name: 'actorId',
    required: false,
    description: "An officer's id, or a system actor such as `cli`",
  })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD' })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1–100, default ${DEFAULT_LIMIT}` })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: auditItemSchema },
        nextCursor: { type: 'string', nullable: true },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 422,
    description: 'validation_failed: an unknown or malformed parameter or cursor',
    type: ErrorBody,
  })
  list(@Query(new ZodQuery(auditQuerySchema)) query: AuditQuery): Promise<AuditPage> {
    const { cursor, limit, ...filter } = query;
    return this.audit.list(filter, cursor, limit ?? DEFAULT_LIMIT);
  }

  @Get('verification')
  @ApiOperation({
    summary: 'Verify the audit chain',
    description: 'Recomputes every hash from the events and names the first broken link, if any.',
  })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['ok', 'checked', 'firstBroken'],
      properties: {
        ok: { type: 'boolean' },
        checked: { type: 'integer' },
        firstBroken: {
          type: 'object',
          nullable: true,
          required: ['sequence', 'reason'],
          properties: {
            sequence: { type: 'string' },
            reason: { type: 'string', enum: ['hash_mismatch', 'prev_hash_mismatch'] },
          },
        },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  verification(): Promise<AuditVerification> {
    return this.audit.verification();
  }
}
