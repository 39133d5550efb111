import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { OFFICER_ROLES, REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { ConsoleMetrics, type ConsoleMetricsReport, MAX_WEEKS, type WeeklyMetricsReport } from '@rightsdesk/workflow';
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
  required: ['count', 'completed', 'denied', 'medianDays', 'meanDays'],
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
  required: [...REQUEST_TYPES],
  properties: Object.fromEntries(REQUEST_TYPES.map((t) => [t, schema])),
});
const receivedSchema = {
  type: 'object',
  required: ['total', 'byStatus'],
  properties: {
    total: { type: 'integer' },
    byStatus: {
      type: 'object',
      required: [...REQUEST_STATUSES],
      properties: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, { type: 'integer' }])),
    },
  },
};

const periodOut = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
};

const weekSchema = {
  type: 'object',
  required: ['isoWeek', 'start', 'end', 'received', 'receivedTotal', 'closed', 'medianDaysToClose', 'overdueAtEnd'],
  properties: {
    isoWeek: { type: 'string', example: '2026-W03' },
    start: { type: 'string', format: 'date', description: 'The Monday' },
    end: { type: 'string', format: 'date', description: 'The Sunday' },
    received: { ...byTypeOf({ type: 'integer' }), description: 'Requests received that week (by receipt date), per type' },
    receivedTotal: { type: 'integer' },
    closed: { type: 'integer', description: 'Requests completed or denied that week' },
    medianDaysToClose: { type: 'number', nullable: true, description: 'Of the requests closed that week; null when none' },
    overdueAtEnd: {
      type: 'integer',
      nullable: true,
      description: "Open requests past their due date at the week's end (now, for the current week); null for a week not begun",
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
      required: ['period', 'received', 'closed', 'overdueNow', 'asOf'],
      properties: {
        period: periodOut,
        received: {
          type: 'object',
          required: ['total', 'byType'],
          properties: { total: { type: 'integer' }, byType: byTypeOf(receivedSchema) },
        },
        closed: {
          type: 'object',
          required: ['overall', 'byType'],
          properties: { overall: closedSchema, byType: byTypeOf(closedSchema) },
        },
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

  @Get('weekly')
  @ApiOperation({
    summary: 'Figures per ISO week, for the charts',
    description:
      "Whole ISO weeks in UTC, from the week of `from` to the week of `to` (default: the 12 weeks ending with the current one; at most " +
      `${MAX_WEEKS}` +
      " weeks). Per week: requests received by type (by receipt date); of the requests completed or denied that week, the median whole days from the receipt date to the UTC closing date; and the open requests past their due date at the week's end (Monday 00:00 UTC after it; now, for the current week): received before it, not closed by it, due before that day. The due date is the one stored now, which includes an extension and the days a hold paused the clock; earlier due dates are not replayed.",
  })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['period', 'weeks', 'asOf'],
      properties: { period: periodOut, weeks: { type: 'array', items: weekSchema }, asOf: { type: 'string', format: 'date' } },
    },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({
    status: 422,
    description: `validation_failed: a malformed date, \`to\` before \`from\`, or more than ${MAX_WEEKS} weeks`,
    type: ErrorBody,
  })
  weekly(@Query(new ZodQuery(periodSchema)) query: z.infer<typeof periodSchema>): Promise<WeeklyMetricsReport> {
    return this.metrics.weekly(query);
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
