import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { OFFICER_ROLES, REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { ConsoleMetrics, type ConsoleMetricsReport } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { queryParam, ZodQuery } from '../http/zod-query.pipe';

const periodSchema = z.strictObject({ from: queryParam.date().optional(), to: queryParam.date().optional() });

const ccpaSchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, 'A year, such as 2026.')
    .transform(Number)
    .pipe(z.number().int().min(1970).max(9999)),
  regime: z.enum(['ccpa', 'all']).optional(),
});

const closedSchema = {
  type: 'object',
  properties: {
    count: { type: 'integer' },
    completed: { type: 'integer' },
    denied: { type: 'integer' },
    medianDays: { type: 'number', nullable: true },
    meanDays: { type: 'number', nullable: true },
  },
};
const byTypeOf = (schema: object) => ({
  type: 'object',
  properties: Object.fromEntries(REQUEST_TYPES.map((t) => [t, schema])),
});
const receivedSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    byStatus: {
      type: 'object',
      properties: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, { type: 'integer' }])),
    },
  },
};

@ApiTags('console: metrics')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/metrics')
export class MetricsController {
  constructor(private readonly metrics: ConsoleMetrics) {}

  @Get()
  @ApiOperation({
    summary: 'Counts and times to close',
    description:
      'About the requests received from `from` to `to` (UTC dates, inclusive; default the last 365 days): how many per type and current status, and of those closed (completed or denied) how many and the median and mean whole days from the receipt date to the UTC closing date. `overdueNow` counts every open request past its due date today.',
  })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        period: {
          type: 'object',
          properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
        },
        received: {
          type: 'object',
          properties: { total: { type: 'integer' }, byType: byTypeOf(receivedSchema) },
        },
        closed: { type: 'object', properties: { overall: closedSchema, byType: byTypeOf(closedSchema) } },
        overdueNow: { type: 'integer' },
        asOf: { type: 'string', format: 'date' },
      },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 422,
    description: 'validation_failed: a malformed date, or `to` before `from`',
    type: ErrorBody,
  })
  report(
    @Query(new ZodQuery(periodSchema)) query: z.infer<typeof periodSchema>,
  ): Promise<ConsoleMetricsReport> {
    return this.metrics.report(query);
  }

  @Get('ccpa.csv')
  @ApiOperation({
    summary: 'The annual figures California requires (11 CCR §7102), as CSV',
    description:
      'One row per kind of request (know = access; delete = erasure and child data removal; correct = rectification; opt_out = opt-out of sale/sharing): received, complied with in whole or in part (completed), denied, and the median and mean days to respond (one decimal; empty when none was decided), for requests received in `year`. `regime=ccpa` (default) counts California consumers’ requests; `all` every request.',
  })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'year', required: true, example: 2026 })
  @ApiQuery({ name: 'regime', required: false, enum: ['ccpa', 'all'] })
  @ApiResponse({
    status: 200,
    description: 'text/csv; charset=utf-8, as an attachment named ccpa-metrics-YYYY.csv',
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 422,
    description: 'validation_failed: a missing or malformed year or regime',
    type: ErrorBody,
  })
  async ccpaCsv(
    @Query(new ZodQuery(ccpaSchema)) query: z.infer<typeof ccpaSchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.metrics.ccpaCsv(query.year, query.regime ?? 'ccpa');
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ccpa-metrics-${query.year}.csv"`);
    return csv;
  }
}
