import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { REGIMES, type RegimeId } from '@rightsdesk/domain';
import { Public } from '@rightsdesk/platform';
import { REPLY_MESSAGE_MAX } from '../requests/reply-body';

export interface PrivacyCenterSettings {
  regimeFallback: RegimeId;
  verificationLinkHours: number;
  replies: { maxFiles: number; maxBytes: number; messageMaxLength: number };
}

// What the privacy center's forms must know of the server's configuration to check input as the
// server will, and to tell people what to expect: the regime for countries without their own law
// (the forms name the law and its deadline before anyone files), how long the emailed link works,
// and the limits on an answer's files.
@ApiTags('requests')
@Public()
@Controller('api/v1/privacy-center')
export class PrivacyCenterSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({ summary: 'Settings the privacy center’s forms check against (no personal data)' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['regimeFallback', 'verificationLinkHours', 'replies'],
      properties: {
        regimeFallback: { type: 'string', enum: [...REGIMES], description: 'The regime of a country without its own (REGIME_FALLBACK)' },
        verificationLinkHours: { type: 'integer', description: 'How long the emailed confirmation link works (VERIFICATION_TTL_HOURS)' },
        replies: {
          type: 'object',
          required: ['maxFiles', 'maxBytes', 'messageMaxLength'],
          properties: {
            maxFiles: { type: 'integer', description: 'UPLOAD_MAX_FILES' },
            maxBytes: { type: 'integer', description: 'UPLOAD_MAX_BYTES, per file' },
            messageMaxLength: { type: 'integer' },
          },
        },
      },
    },
  })
  settings(): PrivacyCenterSettings {
    return {
      regimeFallback: this.config.regimeFallback,
      verificationLinkHours: this.config.verification.ttlHours,
      replies: { maxFiles: this.config.console.uploadMaxFiles, maxBytes: this.config.console.uploadMaxBytes, messageMaxLength: REPLY_MESSAGE_MAX },
    };
  }
}
