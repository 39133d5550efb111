import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GPC_SUPPORT_LAST_UPDATE } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';

// The GPC proposal's support resource: tells browsers and auditors that this site honours the
// signal. The same for everyone and it names nobody, so it may be cached and read from any origin.
@ApiTags('gpc')
@Public()
@Controller('.well-known')
export class GpcWellKnownController {
  @Get('gpc.json')
  @ApiOperation({ summary: 'Global Privacy Control support resource', description: 'Per the GPC proposal: `{ "gpc": true, "lastUpdate": "YYYY-MM-DD" }`.' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['gpc', 'lastUpdate'],
      properties: { gpc: { type: 'boolean', enum: [true] }, lastUpdate: { type: 'string', format: 'date' } },
    },
  })
  async support(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('Cache-Control', 'public, max-age=86400')
      .header('Access-Control-Allow-Origin', '*')
      .type('application/json')
      .send(JSON.stringify({ gpc: true, lastUpdate: GPC_SUPPORT_LAST_UPDATE }));
  }
}
