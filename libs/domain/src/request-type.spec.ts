import { isRequestType, REQUEST_TYPES } from './request-type';

describe('request types', () => {
  it('lists the five request types the privacy center accepts', () => {
    expect(REQUEST_TYPES).toEqual(['access', 'rectification', 'erasure', 'opt_out', 'child_data_removal']);
  });

  it.each(['access', 'rectification', 'erasure', 'opt_out', 'child_data_removal'])(
    'recognises %s',
    (type) => {
      expect(isRequestType(type)).toBe(true);
    },
  );

  it.each([['deletion'], ['ACCESS'], [''], [null], [undefined], [1], ['toString']])('rejects %p', (value) => {
    expect(isRequestType(value)).toBe(false);
  });
});
