import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

export interface Branding {
  companyName: string;
  primaryColor: string;
  logoUrl: string | null;
  privacyPolicyUrl: string | null;
  locales: string[];
  /** The embedded demo's mailbox, so a newcomer can find the emails; null anywhere else. */
  mailboxUrl: string | null;
}

// The privacy center wears the company's name, colour and logo (config), all served from our own
// origin: the logo is a local file, so no third-party resource ever loads.
@ApiTags('branding')
@Public()
@Controller()
export class BrandingController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('api/v1/branding')
  @ApiOperation({ summary: "The company's name, colour, logo and privacy policy link, for the privacy center" })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['companyName', 'primaryColor', 'logoUrl', 'privacyPolicyUrl', 'locales', 'mailboxUrl'],
      properties: {
        companyName: { type: 'string' },
        primaryColor: { type: 'string', example: '#1d4ed8' },
        logoUrl: { type: 'string', nullable: true },
        privacyPolicyUrl: { type: 'string', nullable: true },
        locales: { type: 'array', items: { type: 'string', enum: ['en', 'de'] } },
        mailboxUrl: { type: 'string', nullable: true },
      },
    },
  })
  branding(): Branding {
    return {
      companyName: this.config.company.name,
      primaryColor: this.config.brand.primaryColor,
      logoUrl: this.config.brand.logoFile ? '/brand/logo' : null,
      privacyPolicyUrl: this.config.brand.privacyPolicyUrl,
      locales: ['en', 'de'],
      mailboxUrl: this.config.mail.mailboxDir ? '/dev/mailbox' : null,
    };
  }

  @Get('brand/logo')
  @ApiOperation({ summary: "The company's logo (BRAND_LOGO_FILE)" })
  async logo(@Res() reply: FastifyReply): Promise<void> {
    const file = this.config.brand.logoFile;
    const type = file ? LOGO_TYPES[path.extname(file).toLowerCase()] : undefined;
    const content = file && type ? await readFile(file).catch(() => null) : null;
    if (!content || !type) {
      throw new RequestException('not_found', 'No logo is configured.');
    }
    // An SVG opened on its own must not run script: sandboxed, nothing loads.
    await reply
      .header('Cache-Control', 'public, max-age=3600')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .type(type)
      .send(content);
  }
}
