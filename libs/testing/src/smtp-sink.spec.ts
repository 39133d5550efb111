import { createTransport } from 'nodemailer';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

describe('startSmtpSink', () => {
  let sut: SmtpSink;
  // Pooled, as in production: the sink must also cut connections that are already open.
  let transport: ReturnType<typeof createTransport>;
  const send = (subject: string): Promise<unknown> =>
    transport.sendMail({
      from: 'dpo@example.test',
      to: 'subject@example.test',
      subject,
      text: `Body of ${subject}`,
    });

  beforeEach(async () => {
    sut = await startSmtpSink();
    transport = createTransport({ url: sut.url, pool: true, secure: false, ignoreTLS: true });
  });

  afterEach(async () => {
    transport.close();
    await sut.stop();
  });

  it('keeps every message parsed and waits for the ones still to come', async () => {
    const arriving = sut.waitForMessage((message) => message.subject === 'Second');
    await send('First');
    await send('Second');

    const second = await arriving;
    expect(second.text).toContain('Body of Second');
    expect(sut.messages.map((message) => message.subject)).toEqual(['First', 'Second']);
    expect(await sut.waitForCount(2)).toHaveLength(2);

    sut.clear();
    expect(sut.messages).toEqual([]);
    await expect(sut.waitForCount(1, 50)).rejects.toThrow(/no 1 messages within 50 ms/);
  });

  it('refuses mail while paused and accepts it again on the same port after resume', async () => {
    await send('Before the outage');
    await sut.pause();

    await expect(send('During the outage')).rejects.toThrow(/ECONNREFUSED|closed|421/);
    await expect(send('Still down')).rejects.toThrow(/ECONNREFUSED/);

    await sut.resume();
    await send('After the outage');
    expect(sut.url).toBe(`smtp://127.0.0.1:${sut.port}`);
    expect(sut.messages.map((message) => message.subject)).toEqual(['Before the outage', 'After the outage']);
  });
});
