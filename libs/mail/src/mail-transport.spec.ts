import { createServer, type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { MailTransport, smtpOptionsFromUrl } from './mail-transport';

interface SmtpSink {
  port: number;
  /** SMTP connections opened so far. */
  connections(): number;
  nextMessage(): Promise<ParsedMail>;
  close(): Promise<void>;
}

async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const waiting: Array<(mail: ParsedMail) => void> = [];
  let connections = 0;
  const server = new SMTPServer({
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const waiter = waiting.shift();
          if (waiter) {
            waiter(mail);
          } else {
            received.push(mail);
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    const listener = server.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
  });
  return {
    port,
    connections: () => connections,
    nextMessage: () => {
      const mail = received.shift();
      return mail ? Promise.resolve(mail) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// A port that was just free: nothing listens there, so a connection is refused at once.
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const aMessage = (messageId: string) => ({
  to: 'data.subject@example.test',
  subject: 'Confirm your privacy request RD-7K3M-Q9PX',
  text: 'Please confirm: https://privacy.acme.test/verify?token=abc',
  html: '<p>Please confirm: <a href="https://privacy.acme.test/verify?token=abc">confirm</a></p>',
  messageId,
});

describe('MailTransport against a real SMTP server', () => {
  let sink: SmtpSink;
  let sut: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    sut = new MailTransport({
      smtpUrl: `smtp://127.0.0.1:${sink.port}`,
      from: 'Acme Privacy <privacy@acme.test>',
    });
  });

  afterAll(async () => {
    sut.close();
    await sink.close();
  });

  it('verifies the connection', async () => {
    await expect(sut.verify()).resolves.toBeUndefined();
  });

  it('delivers the message with our Message-ID, both parts and the Auto-Submitted header', async () => {
    const result = await sut.send({
      ...aMessage('<outbox-1@rightsdesk>'),
      headers: { 'X-Rightsdesk-Template': 'verify_request' },
    });
    const mail = await sink.nextMessage();

    expect(result).toEqual({ messageId: '<outbox-1@rightsdesk>', accepted: ['data.subject@example.test'] });
    expect(mail.messageId).toBe('<outbox-1@rightsdesk>');
    expect(mail.subject).toBe('Confirm your privacy request RD-7K3M-Q9PX');
    expect(mail.from?.text).toBe('"Acme Privacy" <privacy@acme.test>');
    expect(mail.text?.trim()).toBe('Please confirm: https://privacy.acme.test/verify?token=abc');
    expect(mail.html).toContain('<a href="https://privacy.acme.test/verify?token=abc">confirm</a>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-rightsdesk-template')).toBe('verify_request');
  });

  it('keeps Auto-Submitted even when a caller passes its own value', async () => {
    await sut.send({ ...aMessage('<outbox-2@rightsdesk>'), headers: { 'auto-submitted': 'no' } });
    const mail = await sink.nextMessage();

    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headerLines.filter((line) => line.key === 'auto-submitted')).toHaveLength(1);
  });

  it('sends many messages over a few pooled connections', async () => {
    const before = sink.connections();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sut.send(aMessage(`<outbox-bulk-${i}@rightsdesk>`))),
    );
    const mails = await Promise.all(results.map(() => sink.nextMessage()));

    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(40);
    // Unpooled, each message would open its own connection and wait out smtp-server's 100 ms
    // greeting delay; the pool keeps a handful open (how fast that is lives in `npm run bench`).
    expect(sink.connections() - before).toBeLessThanOrEqual(5);
  });

  it('refuses a Message-ID that a receiver could not de-duplicate on', async () => {
    await expect(sut.send(aMessage('outbox-3'))).rejects.toThrow('messageId must look like <id@domain>');
  });
});

describe('MailTransport without a server', () => {
  it.each([true, false])('rejects send and verify when the port is closed (pool: %p)', async (pool) => {
    const sut = new MailTransport({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      from: 'privacy@acme.test',
      pool,
    });
    try {
      await expect(sut.send(aMessage('<outbox-9@rightsdesk>'))).rejects.toThrow(/ECONNREFUSED/);
      await expect(sut.verify()).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      sut.close();
    }
  });
});

describe('smtpOptionsFromUrl', () => {
  it('turns off TLS for plain SMTP on loopback', () => {
    expect(smtpOptionsFromUrl('smtp://127.0.0.1:2525')).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      ignoreTLS: true,
    });
    expect(smtpOptionsFromUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', ignoreTLS: true });
    expect(smtpOptionsFromUrl('smtp://localhost:1025')).toMatchObject({ host: 'localhost', ignoreTLS: true });
  });

  it('uses implicit TLS and decoded credentials for smtps', () => {
    expect(smtpOptionsFromUrl('smtps://mailer%40acme.test:p%3Ass%2Fw@smtp.acme.test:465')).toEqual({
      host: 'smtp.acme.test',
      port: 465,
      secure: true,
      auth: { user: 'mailer@acme.test', pass: 'p:ss/w' },
    });
  });

  it('keeps opportunistic STARTTLS for a remote relay, and requires it once a password is involved', () => {
    expect(smtpOptionsFromUrl('smtp://mailcatcher:1025')).toEqual({
      host: 'mailcatcher',
      port: 1025,
      secure: false,
    });
    expect(smtpOptionsFromUrl('smtp://u:p@smtp.acme.test:587')).toMatchObject({
      secure: false,
      requireTLS: true,
    });
  });

  it.each([
    'http://smtp.acme.test',
    'not a url',
    'smtp://smtp.acme.test:25/path',
    'smtp://smtp.acme.test?pool=false',
  ])('rejects %p', (url) => {
    expect(() => smtpOptionsFromUrl(url)).toThrow(TypeError);
  });

  it('does not put the password in the error message', () => {
    let message = '';
    try {
      smtpOptionsFromUrl('smtp://user:hunter2@smtp.acme.test/x');
    } catch (error) {
      message = String(error);
    }

    expect(message).toMatch(/must not have a path/);
    expect(message).not.toContain('hunter2');
  });
});
