import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS, redactUrl } from './logging';

function capture(): { logger: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream), lines: () => chunks.join('') };
}

describe('log redaction', () => {
  it('removes emails, names, phones and tokens at any of three levels', () => {
    const { logger, lines } = capture();
    logger.info({ email: 'ada@example.com', subject: { name: 'Ada Lovelace', phone: '+44 20 7946 0000' }, a: { b: { token: 'secret-token' } } }, 'x');
    logger.info({ req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-status-token': 'st' } } }, 'y');
    const out = lines();
    for (const secret of ['ada@example.com', 'Ada Lovelace', '7946', 'secret-token', 'Bearer abc', 'sid=1', '"st"']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('drops query strings, which carry link tokens', () => {
    expect(redactUrl('/requests/verify?ref=RD-1&token=abc')).toBe('/requests/verify?[redacted]');
    expect(redactUrl('/api/v1/requests')).toBe('/api/v1/requests');
  });
});
