import { parseProviderCallback } from './provider-callback';

describe('parseProviderCallback', () => {
  it('reads a completed callback into camelCase', () => {
    expect(
      parseProviderCallback({
        request_id: 'req-1',
        system_key: 'crm',
        status: 'completed',
        collections: [{ collection: 'contacts', found: 1, changed: 1 }],
        records: { contacts: [{ name: 'Ann' }] },
        reference: 'crm-job-981',
      }),
    ).toEqual({
      ok: true,
      value: {
        requestId: 'req-1',
        systemKey: 'crm',
        status: 'completed',
        collections: [{ collection: 'contacts', found: 1, changed: 1 }],
        records: { contacts: [{ name: 'Ann' }] },
      },
    });
  });

  it('reads a failed callback with its reason, collections defaulting to none', () => {
    expect(parseProviderCallback({ request_id: 'req-1', status: 'failed', reason: 'legal hold' })).toEqual({
      ok: true,
      value: { requestId: 'req-1', status: 'failed', collections: [], reason: 'legal hold' },
    });
  });

  it.each([
    ['not an object', 'ann@example.com', '(body)'],
    ['no request id', { status: 'completed', collections: [] }, 'request_id'],
    ['an unknown status', { request_id: 'r', status: 'ann@example.com' }, 'status'],
    [
      'a fractional count',
      { request_id: 'r', status: 'completed', collections: [{ collection: 'c', found: 1.5, changed: 0 }] },
      'collections.0.found',
    ],
    [
      'a record that is not an object',
      { request_id: 'r', status: 'completed', records: { c: ['ann@example.com'] } },
      'records.c.0',
    ],
  ])('refuses %s, naming where but not the value', (_case, body, path) => {
    const result = parseProviderCallback(body);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error.startsWith(`${path}: `)).toBe(true);
    expect(error).not.toContain('ann@example.com');
  });
});
