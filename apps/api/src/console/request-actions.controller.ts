import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DENY_REASONS, isUuid } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import {
  AccessLinkResend,
  BulkDecisions,
  ExecutionRetry,
  RequestApproval,
  RequestAssignment,
  RequestCancellation,
  RequestDenial,
  RequestNotes,
  RequestStates,
  type SignedInOfficer,
} from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { actionAnswer, assignBody, bulkAnswer, bulkBody, cancelBody, denyBody, noteBody, retryBody } from './request-actions.openapi';
import { CurrentOfficer } from './signed-in-request';

const officerId = z.string().refine(isUuid, { message: "An officer's id." });
const requestIds = z
  .array(z.string().refine(isUuid, { message: "A request's id." }))
  .min(1)
  .max(100)
  .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, { message: 'Each request may be listed only once.' });
const denial = { reason: z.enum(DENY_REASONS), message: z.string().trim().min(1).max(5000) };

const assignSchema = z.strictObject({ officerId: officerId.nullable() });
const noteSchema = z.strictObject({ text: z.string().trim().min(1).max(5000) });
const denySchema = z.strictObject(denial);
const cancelSchema = z.strictObject({ note: z.string().trim().min(1).max(2000).optional(), notifyRequester: z.boolean().default(true) });
const retrySchema = z.strictObject({ systemKey: z.string().trim().min(1).max(100).optional() });
const bulkSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), requestIds }),
  z.strictObject({ action: z.literal('deny'), requestIds, ...denial }),
  z.strictObject({ action: z.literal('assign'), requestIds, officerId: officerId.nullable() }),
]);

const NOT_FOUND = { status: 404, description: 'not_found: no request with this id', type: ErrorBody } as const;
const FORBIDDEN = { status: 403, description: 'forbidden: auditors read and change nothing; csrf_invalid', type: ErrorBody } as const;
const ILLEGAL = (what: string) => ({ status: 409, description: `illegal_transition: ${what} (the message lists the actions the status allows)`, type: ErrorBody }) as const;

// The decisions officers take on one request, and bulk approve / deny / assign. Each is one
// transaction (or one guarded statement): status machine, audit event, message and email together.
@ApiTags('console: actions')
@Roles('admin', 'officer')
@Controller('api/v1/console/requests')
export class RequestActionsController {
  constructor(
    private readonly states: RequestStates,
    private readonly assignment: RequestAssignment,
    private readonly notes: RequestNotes,
    private readonly approval: RequestApproval,
    private readonly denial: RequestDenial,
    private readonly cancellation: RequestCancellation,
    private readonly retries: ExecutionRetry,
    private readonly accessLinks: AccessLinkResend,
    private readonly bulk: BulkDecisions,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve, deny or assign several requests',
    description:
      'Up to 100 distinct request ids. Each request is handled on its own (its own transaction), exactly as the single action would handle it, four-eyes included; one that is refused does not stop the others. Answers 200 with one result per id, in order: `{requestId, ok: true, outcome}` or `{requestId, ok: false, code, message}`. For assign, an assignee who is not an active admin or officer refuses the whole call (422).',
  })
  @ApiBody({ schema: bulkBody })
  @ApiResponse({ status: 200, description: 'One result per request', schema: bulkAnswer })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 422, description: 'validation_failed: body, duplicate ids, or the assignee cannot be assigned', type: ErrorBody })
  async runBulk(@Body(new ZodBody(bulkSchema)) body: z.infer<typeof bulkSchema>, @CurrentOfficer() officer: SignedInOfficer) {
    return { results: await this.bulk.run(body, officer.id) };
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the request to an officer, or unassign it', description: 'Allowed in every status. Audited as request_assigned. No email. Assigning the current assignee again changes nothing (outcome unchanged).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: assignBody })
  @ApiResponse({ status: 200, schema: actionAnswer(['assigned', 'unassigned', 'unchanged']) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 422, description: 'validation_failed: the assignee is not an active admin or officer (fieldErrors officerId invalid_assignee)', type: ErrorBody })
  async assign(@Param('id') id: string, @Body(new ZodBody(assignSchema)) body: z.infer<typeof assignSchema>, @CurrentOfficer() officer: SignedInOfficer) {
    const outcome = await this.assignment.assign(id, body.officerId, officer.id);
    return { outcome, request: await this.states.read(id) };
  }

  @Post(':id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an internal note', description: 'Officers only, never shown to the requester; stored encrypted. Allowed in every status. Audited as note_added with the message id.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: noteBody })
  @ApiResponse({ status: 200, schema: actionAnswer(['noted'], { messageId: { type: 'string', format: 'uuid' } }) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 422, description: 'validation_failed: text of 1–5000 characters', type: ErrorBody })
  async addNote(@Param('id') id: string, @Body(new ZodBody(noteSchema)) body: z.infer<typeof noteSchema>, @CurrentOfficer() officer: SignedInOfficer) {
    const messageId = await this.notes.add(id, body.text, officer.id);
    return { outcome: 'noted', messageId, request: await this.states.read(id) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the request (or propose approval under four-eyes)',
    description:
      'awaiting_review → approved, and execution is queued; uploaded files are erased. For types that need four eyes (settings; erasure and child data removal by default) the first approval is recorded as a proposal (outcome proposed, status unchanged, audited approval_proposed) and an approval by a different officer carries it out (outcome approved; the audit event names the proposer). No body.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, schema: actionAnswer(['proposed', 'approved']) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'four_eyes_required: you proposed it, another officer must approve; illegal_transition: not awaiting review; conflict: changed meanwhile; no_data_map', type: ErrorBody })
  async approve(@Param('id') id: string, @CurrentOfficer() officer: SignedInOfficer) {
    const outcome = await this.approval.approve(id, officer.id);
    return { outcome, request: await this.states.read(id) };
  }

  @Post(':id/deny')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deny the request with a reason code and a message to the requester',
    description:
      'awaiting_review or on_hold → denied. Closes the request, withdraws a four-eyes proposal, erases uploaded files. The requester is emailed the reason explained, the message, where to complain under their regime and that they may go to court (GDPR Art. 12(4)), with a status link. Audited as request_denied with the reason code.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: denyBody })
  @ApiResponse({ status: 200, schema: actionAnswer(['denied']) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(ILLEGAL('only a request awaiting review or on hold can be denied'))
  @ApiResponse({ status: 422, description: 'validation_failed: reason not a known code, or message not 1–5000 characters', type: ErrorBody })
  async deny(@Param('id') id: string, @Body(new ZodBody(denySchema)) body: z.infer<typeof denySchema>, @CurrentOfficer() officer: SignedInOfficer) {
    await this.denial.deny(id, body, officer.id);
    return { outcome: 'denied', request: await this.states.read(id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel the request',
    description:
      'From pending_verification, awaiting_review, on_hold, approved or failed (never while execution runs). Closes the request, withdraws a four-eyes proposal, erases uploaded files; the note is internal. The requester is emailed unless notifyRequester is false. Audited as request_cancelled.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: cancelBody })
  @ApiResponse({ status: 200, schema: actionAnswer(['cancelled']) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(ILLEGAL('the request is in progress or already closed'))
  @ApiResponse({ status: 422, description: 'validation_failed: note not 1–2000 characters, notifyRequester not a boolean', type: ErrorBody })
  async cancel(@Param('id') id: string, @Body(new ZodBody(cancelSchema)) body: z.infer<typeof cancelSchema>, @CurrentOfficer() officer: SignedInOfficer) {
    await this.cancellation.cancel(id, { note: body.note, notifyRequester: body.notifyRequester }, { type: 'officer', id: officer.id });
    return { outcome: 'cancelled', request: await this.states.read(id) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry the failed systems of a failed request', description: 'failed → in_progress with a new run for the failed systems (or only systemKey). Audited as execution_retried.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: retryBody })
  @ApiResponse({ status: 200, schema: actionAnswer(['retried'], { systems: { type: 'array', items: { type: 'string' } } }) })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'illegal_transition: the request has not failed; conflict: that system has not failed', type: ErrorBody })
  async retry(@Param('id') id: string, @Body(new ZodBody(retrySchema)) body: z.infer<typeof retrySchema>, @CurrentOfficer() officer: SignedInOfficer) {
    const systems = await this.retries.retry(id, body.systemKey ?? null, officer.id);
    return { outcome: 'retried', systems, request: await this.states.read(id) };
  }

  @Post(':id/access-link')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-send the access package link',
    description:
      'For a completed access request whose package can still be downloaded: a new link replaces the old one (which stops working); expiry and downloads remaining stay. Emailed to the requester. Audited as access_link_resent. No body.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({
    status: 200,
    schema: actionAnswer(['resent'], {
      package: { type: 'object', properties: { packageId: { type: 'string', format: 'uuid' }, expiresAt: { type: 'string', format: 'date-time' }, downloadsRemaining: { type: 'integer' } } },
    }),
  })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 410, description: 'package_unavailable: not a completed access request, or its package expired, was used up or deleted', type: ErrorBody })
  async resendAccessLink(@Param('id') id: string, @CurrentOfficer() officer: SignedInOfficer) {
    const resent = await this.accessLinks.resend(id, officer.id);
    return { outcome: 'resent', package: resent, request: await this.states.read(id) };
  }
}
