import { canonicalExercise, intakeFor, parseExercise } from './drp-exercise';
import { isNonPublicAddress, publicOnlyLookup } from './callback-address';

const publicOnly = { permissionSlip: false, allowPrivateNetwork: false };

function withCallback(url: string, options = publicOnly) {
  return parseExercise({ exercise: 'access', email: 'dana@example.com', status_callback: url }, options);
}

describe('DRP exercise parsing', () => {
  it.each([
    ['sale:opt-out', 'sale:opt-out'],
    ['SALE_OPT_OUT', 'sale:opt-out'],
    ['sale_opt-in', 'sale:opt-in'],
    ['access_categories', 'access:categories'],
    [' access:specific ', 'access:specific'],
    ['deletion', 'deletion'],
    ['delete', null],
    ['access:everything', null],
    [42, null],
  ])('reads %p as %p', (sent, canonical) => {
    expect(canonicalExercise(sent)).toBe(canonical);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data',
    'https://10.1.2.3/cb',
    'https://192.168.0.10/cb',
    'https://[::1]/cb',
    'https://[fd00::1]/cb',
    'https://[::ffff:127.0.0.1]/cb',
    'https://[::ffff:a9fe:a9fe]/cb',
    'https://localhost/cb',
    'http://agent.example/cb',
    'http://127.0.0.1:8080/cb',
    'https://user:secret@agent.example/cb',
    'not a url',
  ])('refuses the status_callback %s on a public-only deployment', (url) => {
    expect(withCallback(url)).toMatchObject({ ok: false, message: expect.stringContaining('status_callback') });
  });

  it('takes an https callback on a public host, and loopback http only where private networks are allowed', () => {
    expect(withCallback('https://agent.example/drp/status')).toMatchObject({ ok: true, value: { statusCallback: 'https://agent.example/drp/status' } });
    expect(withCallback('http://127.0.0.1:8080/cb', { permissionSlip: false, allowPrivateNetwork: true })).toMatchObject({ ok: true });
  });

  it('drops the callback of a Permission Slip request and requires its agent-request-id', () => {
    const ps = { permissionSlip: true, allowPrivateNetwork: false };
    expect(parseExercise({ exercise: 'deletion', email: 'dana@example.com' }, ps)).toMatchObject({ ok: false, message: expect.stringContaining('agent-request-id') });
    expect(parseExercise({ exercise: 'deletion', email: 'dana@example.com', 'agent-request-id': 'ps-1', status_callback: 'https://agent.example/cb' }, ps)).toMatchObject({
      ok: true,
      value: { statusCallback: null, agentRequestId: 'ps-1' },
    });
  });

  it('files CCPA requests in California and voluntary ones where the address says, or nowhere known', () => {
    const parse = (raw: Record<string, unknown>) => {
      const parsed = parseExercise({ exercise: 'deletion', email: 'dana@example.com', ...raw }, publicOnly);
      if (!parsed.ok) {
        throw new Error(parsed.message);
      }
      return intakeFor(parsed.value);
    };
    expect(parse({ regime: 'ccpa', address: { country: 'DE' } })).toMatchObject({ type: 'erasure', country: 'US', region: 'CA' });
    expect(parse({ address: { country: 'de', region: 'by' } })).toMatchObject({ country: 'DE', region: 'BY' });
    expect(parse({ address: { country: 'Germany' } })).toMatchObject({ country: 'ZZ' });
    expect(parse({})).toMatchObject({ country: 'ZZ' });
  });

  it('keeps only the identity claims of §3.04, as sent', () => {
    const parsed = parseExercise(
      { exercise: 'access', email: 'dana@example.com', email_verified: true, phone_number: '+14155550100', address: { locality: 'Oakland', secret: 'x' }, ssn: '123-45-6789' },
      publicOnly,
    );
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.value.record.claims).toEqual({ email: 'dana@example.com', email_verified: true, phone_number: '+14155550100', address: { locality: 'Oakland' } });
  });
});

describe('status callback addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.1', true],
    ['100.64.1.1', true],
    ['169.254.169.254', true],
    ['172.16.5.4', true],
    ['192.168.1.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:5db8:d822', false],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
    ['agent.example', false],
  ])('%s is non-public: %p', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it('refuses to connect where a name resolves to loopback', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    expect(error).toMatchObject({ code: 'callback_address_refused' });
  });
});
