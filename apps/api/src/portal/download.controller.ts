import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { AccessPackageDelivery, GpcSignals, RateLimiter } from '@rightsdesk/workflow';
import { clientIp } from '../http/client-ip';
import { carriesGpc } from '../http/gpc-header';
import { downloadRefusedPage, pageLanguage } from './download-refused-page';

const token = (value: unknown): string => (typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : '');

// The access package behind the download page's button (the privacy center's /requests/download):
// a native form POST that streams the ZIP, so the browser saves it as a download and one click is
// one download. The page itself (a GET) spends nothing, so a mail scanner that prefetches the link
// cannot use up the limited downloads. Never cached, never referred.
@ApiExcludeController()
@Public()
@Controller('requests/download')
export class DownloadController {
  constructor(
    private readonly delivery: AccessPackageDelivery,
    private readonly rateLimiter: RateLimiter,
    private readonly gpc: GpcSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async download(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    try {
      await this.rateLimiter.consume('status-ip', clientIp(request), this.config.rateLimits.statusPerIpPerHour, 3600);
      const file = await this.delivery.download(token(form.token));
      if (carriesGpc(request)) {
        await this.gpc.honourForRequestId(file.requestId, 'download');
      }
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
      // A form POST lands on whatever we answer, so the refusal is a page, in the browser's language.
      const limited = error.code === 'rate_limited';
      await reply
        .status(limited ? 429 : 410)
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(downloadRefusedPage(limited ? 'rate_limited' : 'gone', pageLanguage(request.headers['accept-language'])));
    }
  }
}
