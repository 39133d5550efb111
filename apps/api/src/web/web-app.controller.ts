import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { readWebIndex, webBuildDir } from './web-build';

// The single-page app's entry for every path it routes itself; its scripts and styles come from
// /assets (static, fingerprinted). The page itself must be revalidated so a deploy takes effect.
@ApiExcludeController()
@Public()
@Controller()
export class WebAppController {
  private readonly index = readWebIndex(webBuildDir());

  @Get(['console', 'console/*', 'requests/new', 'requests/new/*', '/', 'requests/check-email', 'requests/verify', 'requests/status', 'requests/download'])
  async page(@Res() reply: FastifyReply): Promise<void> {
    if (this.index === null) {
      throw new RequestException('not_found', 'The web app is not built: run `npm run build`.');
    }
    await reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(this.index);
  }
}
