import { createHmac } from 'node:crypto';
import {
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './webhook-signature';

const SECRET = 'a-signing-secret-of-32-characters';
const NOW = new Date('2026-11-25T12:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const BODY = '{"id":"1","type":"erasure","identities":{"email":["ann@example.com"]}}';

describe('signWebhook', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, TS, BODY)).toBe(`v1=${expected}`);
    expect(signWebhook(Buffer.from(SECRET), TS, BODY)).toBe(`v1=${expected}`);
  });

  it('names its headers', () => {
    expect([WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER]).toEqual([
      'Rightsdesk-Timestamp',
      'Rightsdesk-Signature',
    ]);
  });
});

describe('verifyWebhookSignature', () => {
  const signed = {
    secret: SECRET,
    timestamp: String(TS),
    signature: signWebhook(SECRET, TS, BODY),
    body: BODY,
    now: NOW,
  };

  it('accepts what signWebhook signed', () => {
    expect(verifyWebhookSignature(signed)).toEqual({ ok: true });
  });

  it('refuses a tampered body', () => {
    expect(verifyWebhookSignature({ ...signed, body: BODY.replace('ann@', 'bob@') })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhookSignature({ ...signed, secret: 'another-secret-of-some-length' })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a timestamp that was changed after signing', () => {
    expect(verifyWebhookSignature({ ...signed, timestamp: String(TS - 1) })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a timestamp older than the tolerance, correctly signed or not', () => {
    const old = TS - 301;
    expect(
      verifyWebhookSignature({
        ...signed,
        timestamp: String(old),
        signature: signWebhook(SECRET, old, BODY),
      }),
    ).toEqual({ ok: false, reason: 'expired' });
    const edge = TS - 300;
    expect(
      verifyWebhookSignature({
        ...signed,
        timestamp: String(edge),
        signature: signWebhook(SECRET, edge, BODY),
      }),
    ).toEqual({ ok: true });
  });

  it('refuses a timestamp too far in the future', () => {
    const future = TS + 301;
    expect(
      verifyWebhookSignature({
        ...signed,
        timestamp: String(future),
        signature: signWebhook(SECRET, future, BODY),
      }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('honours a custom tolerance', () => {
    const old = TS - 31;
    const input = { ...signed, timestamp: String(old), signature: signWebhook(SECRET, old, BODY) };
    expect(verifyWebhookSignature({ ...input, toleranceSeconds: 30 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyWebhookSignature({ ...input, toleranceSeconds: 60 })).toEqual({ ok: true });
  });

  describe('secret rotation', () => {
    const OLD = 'the-old-secret-still-in-use';
    const NEW = 'the-new-secret-being-rolled-out';

    it('accepts a header with one v1 per secret when the receiver knows either', () => {
      const both = `${signWebhook(OLD, TS, BODY)},${signWebhook(NEW, TS, BODY)}`;
      expect(verifyWebhookSignature({ ...signed, secret: OLD, signature: both })).toEqual({ ok: true });
      expect(verifyWebhookSignature({ ...signed, secret: NEW, signature: both })).toEqual({ ok: true });
      expect(
        verifyWebhookSignature({ ...signed, secret: 'a-third-unrelated-secret', signature: both }),
      ).toEqual({
        ok: false,
        reason: 'mismatch',
      });
    });

    it('accepts a receiver that knows both secrets while the sender has switched', () => {
      expect(
        verifyWebhookSignature({ ...signed, secret: [OLD, NEW], signature: signWebhook(NEW, TS, BODY) }),
      ).toEqual({ ok: true });
    });

    it('skips schemes it does not know and spaces around entries', () => {
      const header = `v0=abc, ${signWebhook(SECRET, TS, BODY)} `;
      expect(verifyWebhookSignature({ ...signed, signature: header })).toEqual({ ok: true });
    });
  });

  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['an empty timestamp', { timestamp: '' }],
    ['no signature', { signature: undefined }],
    ['an empty signature', { signature: '' }],
  ])('reports %s as missing', (_case, change) => {
    expect(verifyWebhookSignature({ ...signed, ...change })).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['a timestamp in milliseconds with a fraction', { timestamp: `${TS}.5` }],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }],
    ['two timestamps', { timestamp: [String(TS), String(TS)] }],
    ['a signature without v1', { signature: 'sha256=abcdef' }],
    ['a v1 that is not 64 hex digits', { signature: 'v1=xyz' }],
    [
      'an upper-case hex v1',
      { signature: signWebhook(SECRET, TS, BODY).toUpperCase().replace('V1=', 'v1=') },
    ],
  ])('reports %s as malformed', (_case, change) => {
    expect(verifyWebhookSignature({ ...signed, ...change })).toEqual({ ok: false, reason: 'malformed' });
  });
});
