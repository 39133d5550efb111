import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { escapeHtml } from '@rightsdesk/mail';
import { Public } from '@rightsdesk/platform';
import { AccessPackageDelivery, RateLimiter } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { portalPage } from './portal-page';

const token = (value: unknown): string => (typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : '');

// The access package behind the emailed link. The GET shows a page and uses no download; the file
// comes from the POST behind its button, so a mail scanner that prefetches links cannot use up the
// limited downloads. Never cached, never referred.
@ApiExcludeController()
@Public()
@Controller('requests/download')
export class DownloadController {
  constructor(
    private readonly delivery: AccessPackageDelivery,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Query('token') raw: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
    const package_ = await this.delivery.describe(token(raw));
    if (!package_) {
      await this.html(reply, 410, portalPage('Link no longer valid', GONE));
      return;
    }
    await this.html(
      reply,
      200,
      portalPage(
        'Download your data',
        `<h1>Download your data</h1>
<p>Your data is ready as a ZIP file. Open <code>index.html</code> inside it for an overview; the JSON and CSV files hold the records.</p>
<p>This link works until <strong>${escapeHtml(package_.expiresAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</strong> and ${package_.downloadsRemaining} more time${package_.downloadsRemaining === 1 ? '' : 's'}. Keep it private.</p>
<form method="post" action="/requests/download">
  <input type="hidden" name="token" value="${escapeHtml(token(raw))}">
  <button type="submit">Download the ZIP file</button>
</form>`,
      ),
    );
  }

  @Post()
  async download(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    try {
      await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
      const file = await this.delivery.download(token(form.token));
      await reply
        .status(200)
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('Cache-Control', 'no-store')
        .header('Referrer-Policy', 'no-referrer')
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.stream);
    } catch (error) {
      if (!(error instanceof RequestException)) {
        throw error;
      }
      await this.html(reply, error.code === 'rate_limited' ? 429 : 410, portalPage('Link no longer valid', GONE));
    }
  }

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(body);
  }
}

const GONE = `<h1>This download link no longer works</h1>
<p>It has expired or has been used as many times as allowed. Packages are deleted when their link expires. If you still need your data, file a new request.</p>`;
