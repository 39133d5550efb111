import { type OnModuleDestroy } from '@nestjs/common';
import {
  createTransport,
  type SendMailOptions,
  type SMTPSentMessageInfo,
  type SMTPTransportOptions,
} from 'nodemailer';

export interface MailTransportOptions {
  /** `smtp://host:port` or `smtps://user:pass@host:port`; user and password percent-encoded. */
  smtpUrl: string;
  from: string;
  /** Defaults to true. */
  pool?: boolean;
  maxConnections?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A deterministic id such as `<outbox-id@rightsdesk>`, so a receiver can drop a retried duplicate. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
}

// The pooled and the plain Nodemailer transporters differ in their type parameters only; this is
// the part of them we use.
interface SmtpTransporter {
  sendMail(data: SendMailOptions): Promise<SMTPSentMessageInfo>;
  verify(): Promise<true>;
  close(): void;
}

const LOOPBACK_HOSTS = new Set(['localhost', '::1']);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

// Parsed here rather than handed to Nodemailer as `url`, because Nodemailer lets URL query
// parameters override explicit options; this way the options below are the whole story, and a
// malformed URL fails at boot with a message that does not echo the password.
export function smtpOptionsFromUrl(smtpUrl: string): SMTPTransportOptions {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new TypeError(
      'SMTP URL is not a valid URL; expected smtp://host:port or smtps://user:pass@host:port',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new TypeError(`SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (!url.hostname) {
    throw new TypeError('SMTP URL has no host');
  }
  if (url.search || url.hash || (url.pathname !== '' && url.pathname !== '/')) {
    throw new TypeError('SMTP URL must not have a path or query; only smtp(s)://[user:pass@]host[:port]');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const secure = url.protocol === 'smtps:';
  const options: SMTPTransportOptions = { host, secure };
  if (url.port) {
    options.port = Number(url.port);
  }
  if (url.username || url.password) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  if (!secure && isLoopback(host)) {
    // A local sink (the demo's, or a test's) speaks no TLS at all.
    options.ignoreTLS = true;
  } else if (!secure && options.auth) {
    // Opportunistic STARTTLS would fall back to sending the password in clear text.
    options.requireTLS = true;
  }
  return options;
}

const FIXED_HEADERS: Readonly<Record<string, string>> = {
  // RFC 3834: tells well-behaved auto-responders (vacation replies) not to answer.
  'Auto-Submitted': 'auto-generated',
  // Exchange and Outlook ignore Auto-Submitted and need their own hint.
  'X-Auto-Response-Suppress': 'All',
};

const FIXED_HEADER_NAMES = new Set(Object.keys(FIXED_HEADERS).map((name) => name.toLowerCase()));

// Header names are case-insensitive; dropping a caller's variant keeps one header, ours.
function callerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => !FIXED_HEADER_NAMES.has(name.toLowerCase())),
  );
}

export class MailTransport implements OnModuleDestroy {
  private readonly transporter: SmtpTransporter;
  private readonly from: string;
  private closed = false;

  constructor(options: MailTransportOptions) {
    const base: SMTPTransportOptions = {
      ...smtpOptionsFromUrl(options.smtpUrl),
      // Never log: a transcript would contain addresses and message bodies.
      logger: false,
      debug: false,
      // We never send attachments; refuse any path or URL that could read local files or fetch.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    this.from = options.from;
    this.transporter =
      options.pool === false
        ? createTransport(base)
        : createTransport({
            ...base,
            pool: true,
            maxConnections: options.maxConnections ?? 5,
            // smtp-server delays every greeting by 100 ms, so a connection is worth keeping for good.
            maxMessages: Infinity,
          });
  }

  async send(message: OutgoingMail): Promise<SentMail> {
    if (!/^<[^<>\s@]+@[^<>\s@]+>$/.test(message.messageId)) {
      throw new TypeError('messageId must look like <id@domain>');
    }
    // Errors are rethrown untouched: the caller's job owns the retries.
    const info = await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: { ...callerHeaders(message.headers), ...FIXED_HEADERS },
    });
    return { messageId: info.messageId, accepted: info.accepted.map(String) };
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    if (!this.closed) {
      this.closed = true;
      this.transporter.close();
    }
  }

  onModuleDestroy(): void {
    this.close();
  }
}
