import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { escapeHtml } from '@rightsdesk/mail';
import { Public } from '@rightsdesk/platform';
import { RateLimiter, RequestStatusService, VerificationService } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { EVENT_LABELS, portalPage, STATUS_LABELS } from './portal-page';

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

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(body);
  }
}
