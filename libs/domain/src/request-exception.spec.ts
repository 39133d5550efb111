import { RequestException } from './request-exception';

describe('RequestException', () => {
  it('carries a code, a message and optional details', () => {
    const sut = new RequestException('validation_failed', 'The request is not valid.', {
      fieldErrors: [{ path: 'email', code: 'required', message: 'This field is required.' }],
    });

    expect(sut).toBeInstanceOf(Error);
    expect(sut).toBeInstanceOf(RequestException);
    expect(sut.name).toBe('RequestException');
    expect(sut.code).toBe('validation_failed');
    expect(sut.message).toBe('The request is not valid.');
    expect(sut.details?.fieldErrors).toEqual([
      { path: 'email', code: 'required', message: 'This field is required.' },
    ]);
    expect(sut.stack).toContain('RequestException');
  });

  it('leaves details undefined when none are given', () => {
    const sut = new RequestException('rate_limited', 'Slow down.', { retryAfterSeconds: 30 });
    expect(sut.details).toEqual({ retryAfterSeconds: 30 });
    expect(new RequestException('not_found', 'No such request.').details).toBeUndefined();
  });
});
