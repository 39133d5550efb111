import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type RequestErrorCode, RequestException } from '@rightsdesk/domain';
import { escapeHtml } from '@rightsdesk/mail';
import { Public } from '@rightsdesk/platform';
import { type PublicRequestStatus, RateLimiter, RequesterReplies, RequestStatusService, VerificationService } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { readReplyBody, REPLY_MESSAGE_MAX } from '../requests/reply-body';
import { EVENT_LABELS, portalPage, STATUS_LABELS } from './portal-page';

// How the answer page reports a refusal; anything else is a problem with what was sent.
const ANSWER_ERROR_STATUS: Partial<Record<RequestErrorCode, number>> = { rate_limited: 429, not_found: 404, illegal_transition: 409, payload_too_large: 413, malformed_body: 400 };

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '');

// The pages behind the links in our emails. Confirmation is a POST behind a button, never a GET:
// mail scanners that prefetch links must not confirm requests on the person's behalf.
@ApiExcludeController()
@Public()
@Controller()
export class PortalController {
  constructor(
    private readonly verification: VerificationService,
    private readonly status: RequestStatusService,
    private readonly replies: RequesterReplies,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(): string {
    const company = escapeHtml(this.config.company.name);
    return portalPage(
      `${this.config.company.name} privacy requests`,
      `<h1>${company} — privacy requests</h1>
<p>File a request to see, correct or delete your personal data, to stop promotional emails and notifications, or to remove a child's data. The privacy center's forms are coming; today requests are filed through the API:</p>
<pre><code>curl -X POST ${escapeHtml(this.config.http.publicUrl)}/api/v1/requests \\
  -H 'Content-Type: application/json' \\
  -d '{"type":"access","email":"you@example.com","country":"DE"}'</code></pre>
<p><a href="/api/docs">API documentation</a>${this.config.mail.mailboxDir ? ' · <a href="/dev/mailbox">Local mailbox (demo)</a>' : ''}</p>`,
    );
  }

  @Get('requests/verify')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  confirmPage(@Query('ref') ref: unknown, @Query('token') token: unknown): string {
    return portalPage(
      'Confirm your privacy request',
      `<h1>Confirm your privacy request</h1>
<p>Reference <strong>${escapeHtml(text(ref))}</strong>. Confirm that you made this request from your email address. Nothing happens until you do.</p>
<form method="post" action="/requests/verify">
  <input type="hidden" name="ref" value="${escapeHtml(text(ref))}">
  <input type="hidden" name="token" value="${escapeHtml(text(token))}">
  <button type="submit">Confirm my request</button>
</form>
<p>If you did not make this request, close this page — nothing will happen.</p>`,
    );
  }

  @Post('requests/verify')
  async confirm(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const ref = text(form.ref);
    try {
      await this.rateLimiter.consume('verify-ip', clientIp(request), this.config.rateLimits.verifyPerIpPerHour, 3600);
      const result = await this.verification.verify(ref, text(form.token));
      if (result.outcome === 'verified') {
        await reply.redirect(`/requests/status?${new URLSearchParams({ ref: result.reference, token: result.statusToken }).toString()}`, 303);
        return;
      }
      await this.html(reply, 200, portalPage('Already confirmed', `<h1>Already confirmed</h1><p>Request <strong>${escapeHtml(result.reference)}</strong> is confirmed. Follow the status link in the email we sent you.</p>`));
    } catch (error) {
      if (!(error instanceof RequestException)) {
        throw error;
      }
      await this.html(reply, error.code === 'rate_limited' ? 429 : 400, portalPage('Could not confirm', `<h1>We could not confirm this request</h1><p class="error">${escapeHtml(error.message)}</p>`));
    }
  }

  @Get('requests/status')
  async statusPage(@Query('ref') ref: unknown, @Query('token') token: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
      const status = await this.status.publicStatus(text(ref), text(token));
      const timeline = status.timeline
        .map((entry) => `<li><time datetime="${escapeHtml(entry.at)}">${escapeHtml(entry.at.slice(0, 16).replace('T', ' '))} UTC</time> — ${escapeHtml(EVENT_LABELS[entry.event] ?? entry.event)}</li>`)
        .join('\n');
      await this.html(
        reply,
        200,
        portalPage(
          `Request ${status.reference}`,
          `<h1>Your privacy request ${escapeHtml(status.reference)}</h1>
<dl>
  <dt>Status</dt><dd data-status="${escapeHtml(status.status)}">${escapeHtml(STATUS_LABELS[status.status] ?? status.status)}</dd>
  <dt>Type</dt><dd>${escapeHtml(status.type)}</dd>
  <dt>Received</dt><dd>${escapeHtml(status.receivedOn)}</dd>
  <dt>Due by</dt><dd>${escapeHtml(status.dueOn)}</dd>
</dl>
<p>${escapeHtml(status.dueExplanation)}</p>
${this.answerForm(status, text(token))}
<h2>Timeline</h2>
<ol class="timeline">${timeline}</ol>`,
          status.language,
        ),
      );
    } catch (error) {
      if (!(error instanceof RequestException)) {
        throw error;
      }
      await this.html(reply, error.code === 'rate_limited' ? 429 : 404, portalPage('Request not found', '<h1>Request not found</h1><p>Use the status link from the most recent email we sent you.</p>'));
    }
  }

  // The same service as POST /api/v1/requests/{reference}/replies, for a browser without scripts.
  @Post('requests/reply')
  async answer(@Query('ref') ref: unknown, @Query('token') token: unknown, @Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const reference = text(ref);
    const statusToken = text(token);
    try {
      await this.rateLimiter.consume('reply-ip', clientIp(request), this.config.rateLimits.replyPerIpPerHour, 3600);
      await this.replies.admit(reference, statusToken);
      await this.replies.reply(reference, statusToken, await readReplyBody(request, body, this.config.console));
      await reply.redirect(`/requests/status?${new URLSearchParams({ ref: reference, token: statusToken }).toString()}`, 303);
    } catch (error) {
      if (!(error instanceof RequestException)) {
        throw error;
      }
      const status = ANSWER_ERROR_STATUS[error.code] ?? 422;
      const details = (error.details?.fieldErrors ?? []).map((e) => `<li>${escapeHtml(e.message)}</li>`).join('');
      const back = status === 404 ? '' : `<p><a href="/requests/status?${escapeHtml(new URLSearchParams({ ref: reference, token: statusToken }).toString())}">Back to your request</a></p>`;
      await this.html(reply, status, portalPage('Answer not sent', `<h1>Your answer was not sent</h1><p class="error">${escapeHtml(error.message)}</p>${details ? `<ul>${details}</ul>` : ''}${back}`));
    }
  }

  private answerForm(status: PublicRequestStatus, token: string): string {
    if (status.status !== 'on_hold') {
      return '';
    }
    const question = (status.openQuestion ?? '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('');
    const { uploadMaxFiles, uploadMaxBytes } = this.config.console;
    const action = `/requests/reply?${new URLSearchParams({ ref: status.reference, token }).toString()}`;
    return `<h2>Our question to you</h2>
<div class="question">${question}</div>
<form method="post" action="${escapeHtml(action)}" enctype="multipart/form-data">
  <label for="message">Your answer</label>
  <textarea id="message" name="message" rows="8" maxlength="${REPLY_MESSAGE_MAX}"></textarea>
  <label for="files">Files, if we asked for a document (PDF, PNG or JPEG; up to ${uploadMaxFiles}, ${Math.floor(uploadMaxBytes / (1024 * 1024)) || 1} MB each)</label>
  <input id="files" type="file" name="files" multiple accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg">
  <p><button type="submit">Send my answer</button></p>
</form>`;
  }

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(body);
  }
}
