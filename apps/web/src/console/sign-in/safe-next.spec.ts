/// <reference types="jest" />
import { safeNext } from './safe-next';

describe('where sign-in goes next', () => {
  it('keeps a console path with its query', () => {
    expect(safeNext('/console/requests?tab=all&q=x')).toBe('/console/requests?tab=all&q=x');
    expect(safeNext('/console/requests/0b7c6f1e-9d2a-4c3b-8e1f-2a3b4c5d6e7f')).toBe('/console/requests/0b7c6f1e-9d2a-4c3b-8e1f-2a3b4c5d6e7f');
  });

  it.each([null, undefined, '', '/', '/requests/new', 'https://evil.example/console/', '//evil.example/console/x', '/console/../admin', '/console/./x', '/console\\..\\x'])(
    'goes to the queue instead of %p',
    (next) => {
      expect(safeNext(next)).toBe('/console/requests');
    },
  );
});
