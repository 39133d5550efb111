import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import {
  AttachmentDownloads,
  DeadlineExtension,
  type ExtendedDeadline,
  type InformationRequested,
  InformationRequests,
  type SignedInOfficer,
} from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';
import { ZodBody } from '../http/zod-body.pipe';
import { attachmentDisposition } from './attachment-disposition';
import { CurrentOfficer } from './signed-in-request';

const extendSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
const informationSchema = z.strictObject({ question: z.string().trim().min(1).max(5000) });

const clockSchema = {
  type: 'object',
  required: ['id', 'dueOn', 'dueExplanation', 'messageId'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    dueOn: { type: 'string', format: 'date' },
    dueExplanation: { type: 'string', example: 'due 2027-02-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months' },
    messageId: { type: 'string', format: 'uuid' },
  },
};

// The statutory clock's actions (extend; ask the requester and wait) and the files the answers bring.
@ApiTags('console: requests')
@Controller('api/v1/console/requests/:id')
export class RequestClockController {
  constructor(
    private readonly extension: DeadlineExtension,
    private readonly information: InformationRequests,
    private readonly downloads: AttachmentDownloads,
  ) {}

  @Post('extend')
  @Roles('admin', 'officer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Extend the deadline once, with the reason told to the requester',
    description:
      'Takes the one extension the regime allows (GDPR/UK GDPR: two further months; CCPA and US state laws: 45 further days), only before the first period ends (the notice deadline). Stores the reason, emails the requester the new due date and the reason with a fresh status link, and audits deadline_extended. Refused with 409 extension_unavailable and the reason: already extended, no extension in the regime (LGPD), CCPA opt-outs, or too late.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Told to the requester in the email' } } } })
  @ApiResponse({ status: 200, description: 'Extended', schema: { ...clockSchema, required: [...clockSchema.required, 'extended', 'previousDueOn'], properties: { ...clockSchema.properties, extended: { type: 'boolean', enum: [true] }, previousDueOn: { type: 'string', format: 'date' } } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'extension_unavailable (with the reason), or illegal_transition: the request is closed', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: reason of 1–2000 characters', type: ErrorBody })
  extend(@Param('id') id: string, @Body(new ZodBody(extendSchema)) body: z.infer<typeof extendSchema>, @CurrentOfficer() officer: SignedInOfficer): Promise<ExtendedDeadline> {
    return this.extension.extend(id, officer.id, body.reason);
  }

  @Post('information-request')
  @Roles('admin', 'officer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask the requester for information; the request goes on hold',
    description:
      'awaiting_review → on_hold. The clock pauses where the regime allows it (GDPR, UK GDPR) and keeps running where it does not (CCPA, LGPD, US state laws). Clears a pending four-eyes proposal. The question is emailed with a status link where the requester answers (text and PDF/PNG/JPEG files).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: { type: 'object', required: ['question'], properties: { question: { type: 'string', minLength: 1, maxLength: 5000, description: 'Emailed to the requester with a link to answer' } } } })
  @ApiResponse({ status: 200, description: 'On hold', schema: { ...clockSchema, required: [...clockSchema.required, 'status', 'clockPaused'], properties: { ...clockSchema.properties, status: { type: 'string', enum: ['on_hold'] }, clockPaused: { type: 'boolean' } } } })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'illegal_transition: only a request awaiting review can be put on hold', type: ErrorBody })
  @ApiResponse({ status: 422, description: 'validation_failed: question of 1–5000 characters', type: ErrorBody })
  requestInformation(@Param('id') id: string, @Body(new ZodBody(informationSchema)) body: z.infer<typeof informationSchema>, @CurrentOfficer() officer: SignedInOfficer): Promise<InformationRequested> {
    return this.information.ask(id, officer.id, body.question);
  }

  @Get('attachments/:attachmentId')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary: 'Download a file the requester attached to an answer',
    description:
      'The decrypted file, as an attachment, with the content type its bytes showed at upload. Every download is audited (attachment_viewed). Files are erased once the request is decided: then 410 with code package_unavailable (the size, type and checksum stay on record).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiResponse({ status: 200, description: 'The file' })
  @ApiResponse({ status: 404, description: 'not_found', type: ErrorBody })
  @ApiResponse({ status: 410, description: 'package_unavailable: erased when the request was decided', type: ErrorBody })
  async attachment(@Param('id') id: string, @Param('attachmentId') attachmentId: string, @CurrentOfficer() officer: SignedInOfficer, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.downloads.open(id, attachmentId, officer.id);
    await reply
      .status(200)
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(file.content);
  }
}
