import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { OFFICER_ROLES, RETENTION_ACTIONS, RETENTION_RUN_STATUSES, RETENTION_RUN_TRIGGERS } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { QueueService, retentionRunJobId, retentionSchedulerId } from '@rightsdesk/queue';
import {
  RetentionHolds,
  RetentionOverview,
  type RetentionPlanEntry,
  type RetentionRuleView,
  type RetentionRunView,
  retentionRunView,
  RetentionRuns,
  type RuleHold,
  type SignedInOfficer,
} from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { queryParam, ZodQuery } from '../http/zod-query.pipe';
import { IdParam } from './id-param.pipe';
import { RuleIdParam } from './rule-id-param.pipe';
import { CurrentOfficer } from './signed-in-request';

const runsQuerySchema = z.strictObject({
  ruleId: z.string().min(1).max(200).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: queryParam.limit(100).optional(),
});

const holdSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });

const holdJson = {
  type: 'object',
  nullable: true,
  required: ['source', 'reason', 'placedBy', 'placedAt'],
  properties: {
    source: { type: 'string', enum: ['data_map', 'console'] },
    reason: { type: 'string' },
    placedBy: { type: 'string', format: 'uuid', nullable: true },
    placedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

const runJson = {
  type: 'object',
  required: ['id', 'ruleId', 'trigger', 'status', 'asOf', 'rowsAffected', 'batches', 'errors', 'lastError', 'longestStatementMs', 'resumes', 'startedBy', 'startedAt', 'finishedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    ruleId: { type: 'string', example: 'shop.page_views.anonymize' },
    trigger: { type: 'string', enum: [...RETENTION_RUN_TRIGGERS] },
    status: { type: 'string', enum: [...RETENTION_RUN_STATUSES] },
    asOf: { type: 'string', format: 'date-time', description: 'The "now" the run applies the rule for, fixed when it starts' },
    rowsAffected: { type: 'integer' },
    batches: { type: 'integer' },
    errors: { type: 'integer', description: 'Failed batches (each retried from the saved cursor)' },
    lastError: { type: 'string', nullable: true, description: 'Names places (collection, column, SQLSTATE), never values; the hold reason for a held run' },
    longestStatementMs: { type: 'integer' },
    resumes: { type: 'integer', description: 'Times another worker took the run over after its worker stopped' },
    startedBy: { type: 'string', format: 'uuid', nullable: true, description: 'The officer, for a manual run' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

const ruleJson = {
  type: 'object',
  required: ['id', 'source', 'action', 'description', 'period', 'schedule', 'nextRunAt', 'hold', 'latestRun'],
  properties: {
    id: { type: 'string', example: 'shop.page_views.anonymize' },
    source: { type: 'string', enum: ['data_map', 'rightsdesk'] },
    action: { type: 'string', enum: [...RETENTION_ACTIONS] },
    description: { type: 'string' },
    period: { type: 'string', nullable: true, example: 'P30D' },
    schedule: { type: 'object', required: ['cron', 'timezone'], properties: { cron: { type: 'string' }, timezone: { type: 'string' } } },
    nextRunAt: { type: 'string', format: 'date-time', nullable: true, description: 'When the scheduler fires next (null until a worker has scheduled the rule)' },
    hold: holdJson,
    latestRun: { ...runJson, nullable: true },
  },
};

const planJson = {
  type: 'object',
  required: ['ruleId', 'action', 'description', 'asOf', 'due', 'sampleKeys', 'hold', 'error'],
  properties: {
    ruleId: { type: 'string' },
    action: { type: 'string', enum: [...RETENTION_ACTIONS] },
    description: { type: 'string' },
    asOf: { type: 'string', format: 'date-time' },
    due: { type: 'integer', nullable: true, description: 'Rows, objects or records a run would change now; null when the store could not be asked' },
    sampleKeys: { type: 'array', items: { type: 'string' }, description: 'A few primary keys (or object keys) of what is due' },
    hold: holdJson,
    error: { type: 'string', nullable: true },
  },
};

type RuleJson = Omit<RetentionRuleView, 'latestRun'> & { nextRunAt: string | null; latestRun: RetentionRunView | null };
type PlanJson = Omit<RetentionPlanEntry, 'asOf'> & { asOf: string };

const runAnswer = { status: 200, schema: { type: 'object', required: ['run'], properties: { run: runJson } } };

// Retention for the console: every role sees the rules, the dry run and the runs (they hold keys
// and counts, no personal data); only admins start, pause, resume and cancel runs and place holds.
@ApiTags('console: retention')
@Controller('api/v1/console/retention')
export class RetentionController {
  constructor(
    private readonly overview: RetentionOverview,
    private readonly runs: RetentionRuns,
    private readonly holds: RetentionHolds,
    private readonly queue: QueueService,
  ) {}

  @Get('rules')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Every retention rule: data map rules, children checks and Rightsdesk’s own records' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: ruleJson } } } })
  async rules(): Promise<{ rules: RuleJson[] }> {
    const [rules, schedulers] = await Promise.all([this.overview.list(), this.queue.schedulers('retention')]);
    const next = new Map(schedulers.map((scheduler) => [scheduler.id, scheduler.next]));
    return {
      rules: rules.map((rule) => {
        const at = next.get(retentionSchedulerId(rule.id));
        return { ...rule, nextRunAt: at ? new Date(at).toISOString() : null, latestRun: rule.latestRun ? retentionRunView(rule.latestRun) : null };
      }),
    };
  }

  @Get('plan')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary: 'Dry run: what each rule would delete, anonymize, minimize or open now',
    description: 'Counts and a few sample keys per rule; changes nothing. `ruleId` narrows it to one rule.',
  })
  @ApiQuery({ name: 'ruleId', required: false })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['plan'], properties: { plan: { type: 'array', items: planJson } } } })
  @ApiResponse({ status: 404, description: 'not_found: no such rule', type: ErrorBody })
  async plan(@Query(new ZodQuery(z.strictObject({ ruleId: z.string().min(1).max(200).optional() }))) query: { ruleId?: string }): Promise<{ plan: PlanJson[] }> {
    const plan = await this.overview.plan(query.ruleId);
    return { plan: plan.map((entry) => ({ ...entry, asOf: entry.asOf.toISOString() })) };
  }

  @Get('runs')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Runs, newest first', description: 'Pass the last run’s `startedAt` as `before` for the next page.' })
  @ApiQuery({ name: 'ruleId', required: false })
  @ApiQuery({ name: 'before', required: false, description: 'ISO 8601 date-time with offset' })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 50' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: runJson } } } })
  @ApiResponse({ status: 422, description: 'validation_failed', type: ErrorBody })
  async list(@Query(new ZodQuery(runsQuerySchema)) query: z.infer<typeof runsQuerySchema>): Promise<{ runs: RetentionRunView[] }> {
    const runs = await this.runs.list({ ruleId: query.ruleId, limit: query.limit ?? 50, before: query.before ? new Date(query.before) : undefined });
    return { runs: runs.map(retentionRunView) };
  }

  @Get('runs/:id')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'One run' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse(runAnswer)
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  async find(@Param('id', new IdParam('retention run')) id: string): Promise<{ run: RetentionRunView }> {
    return { run: retentionRunView(await this.runs.find(id)) };
  }

  @Post('rules/:ruleId/runs')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run a rule now',
    description: 'Starts a run (a worker picks it up), or answers the run already active (`started: false`). Refused under legal hold.',
  })
  @ApiParam({ name: 'ruleId', example: 'shop.page_views.delete' })
  @ApiResponse({ status: 202, schema: { type: 'object', required: ['run', 'started'], properties: { run: runJson, started: { type: 'boolean' } } } })
  @ApiResponse({ status: 404, description: 'not_found: no such rule', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'legal_hold: the rule is under legal hold', type: ErrorBody })
  async start(@Param('ruleId', RuleIdParam) ruleId: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ run: RetentionRunView; started: boolean }> {
    const { run, started } = await this.runs.start(ruleId, 'manual', admin.id);
    if (run.status === 'running') {
      await this.queueWork(run.id);
    }
    return { run: retentionRunView(run), started };
  }

  @Post('runs/:id/pause')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a run', description: 'The batch in flight finishes; the run keeps its cursor. Audited.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse(runAnswer)
  @ApiResponse({ status: 409, description: 'illegal_transition: the run is not running', type: ErrorBody })
  async pause(@Param('id', new IdParam('retention run')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ run: RetentionRunView }> {
    return { run: retentionRunView(await this.runs.pause(id, admin.id)) };
  }

  @Post('runs/:id/resume')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused run from its cursor', description: 'Refused under legal hold. Audited.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse(runAnswer)
  @ApiResponse({ status: 409, description: 'illegal_transition: the run is not paused; legal_hold', type: ErrorBody })
  async resume(@Param('id', new IdParam('retention run')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ run: RetentionRunView }> {
    const run = await this.runs.resume(id, admin.id);
    await this.queueWork(run.id);
    return { run: retentionRunView(run) };
  }

  @Post('runs/:id/cancel')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a running or paused run', description: 'What its batches did stays done and recorded. Audited as retention_run_cancelled.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse(runAnswer)
  @ApiResponse({ status: 409, description: 'illegal_transition: the run has ended', type: ErrorBody })
  async cancel(@Param('id', new IdParam('retention run')) id: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ run: RetentionRunView }> {
    return { run: retentionRunView(await this.runs.cancel(id, admin.id)) };
  }

  @Put('rules/:ruleId/hold')
  @Roles('admin')
  @ApiOperation({
    summary: 'Place a legal hold on a rule',
    description: 'Suspends the rule until lifted: scheduled runs are recorded as held, a run in progress stops at its next batch. Audited.',
  })
  @ApiParam({ name: 'ruleId' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', example: 'Litigation hold, case 2026-17' } } } })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['hold'], properties: { hold: holdJson } } })
  @ApiResponse({ status: 422, description: 'validation_failed: no reason', type: ErrorBody })
  async placeHold(
    @Param('ruleId', RuleIdParam) ruleId: string,
    @Body(new ZodBody(holdSchema)) body: z.infer<typeof holdSchema>,
    @CurrentOfficer() admin: SignedInOfficer,
  ): Promise<{ hold: RuleHold | null }> {
    await this.holds.place(ruleId, body.reason, admin.id);
    return { hold: await this.holds.of(ruleId) };
  }

  @Delete('rules/:ruleId/hold')
  @Roles('admin')
  @ApiOperation({ summary: 'Lift the console’s legal hold on a rule', description: 'A hold written in the data map stays until the file changes. Audited.' })
  @ApiParam({ name: 'ruleId' })
  @ApiResponse({ status: 200, schema: { type: 'object', required: ['lifted', 'hold'], properties: { lifted: { type: 'boolean' }, hold: holdJson } } })
  async liftHold(@Param('ruleId', RuleIdParam) ruleId: string, @CurrentOfficer() admin: SignedInOfficer): Promise<{ lifted: boolean; hold: RuleHold | null }> {
    const lifted = await this.holds.lift(ruleId, admin.id);
    return { lifted, hold: await this.holds.of(ruleId) };
  }

  /** A worker picks the run up; should Redis lose the job, the reconciler queues it again. */
  private async queueWork(runId: string): Promise<void> {
    await this.queue.ensure({ name: 'retention-run', data: { runId } }, retentionRunJobId(runId));
  }
}
