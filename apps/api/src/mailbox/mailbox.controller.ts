import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { listMailbox, readMailboxMessage, renderMailboxPage } from '@rightsdesk/mail';
import { Public } from '@rightsdesk/platform';

// The embedded demo's mail catcher, shown in the browser. MAILBOX_DIR is set only by
// `npm start` on embedded defaults; anywhere else this route answers 404.
@ApiExcludeController()
@Public()
@Controller('dev/mailbox')
export class MailboxController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(@Query('id') id: unknown): Promise<string> {
    const dir = this.config.mail.mailboxDir;
    if (!dir) {
      throw new RequestException('not_found', 'Not found.');
    }
    const selected = typeof id === 'string' ? await readMailboxMessage(dir, id) : null;
    return renderMailboxPage(await listMailbox(dir), selected);
  }
}
