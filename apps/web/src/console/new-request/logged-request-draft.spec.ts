/// <reference types="jest" />
import { bodyOf, controlIdFor, emptyDraft, type LoggedRequestDraft, validateDraft } from './logged-request-draft';

const TODAY = '2026-11-25';

function draft(overrides: Partial<LoggedRequestDraft>): LoggedRequestDraft {
  return { ...emptyDraft(TODAY), channel: 'post', email: 'ada@example.com', country: 'de', ...overrides };
}

describe('logging a request: the checks before it is sent', () => {
  it('finds nothing wrong with a complete letter and builds the api body', () => {
    const complete = draft({ type: 'erasure', note: '  from the letter  ', identityVerified: true });
    expect(validateDraft(complete, TODAY)).toEqual([]);
    expect(bodyOf(complete)).toEqual({
      type: 'erasure',
      email: 'ada@example.com',
      country: 'de',
      language: 'en',
      details: { note: 'from the letter' },
      channel: 'post',
      receivedOn: TODAY,
      identityVerified: true,
    });
  });

  it('says "required" for empty required fields, as the server does, and names the channel', () => {
    const errors = validateDraft(draft({ email: '', country: '', channel: '' }), TODAY);
    expect(errors.map((e) => [e.path, e.code])).toEqual(expect.arrayContaining([['email', 'required'], ['country', 'required'], ['channel', 'required']]));
  });

  it('refuses a received date in the future or over a year back, like the api', () => {
    expect(validateDraft(draft({ receivedOn: '2026-11-26' }), TODAY)).toEqual([expect.objectContaining({ path: 'receivedOn', code: 'too_big' })]);
    expect(validateDraft(draft({ receivedOn: '2025-11-24' }), TODAY)).toEqual([expect.objectContaining({ path: 'receivedOn', code: 'too_small' })]);
    expect(validateDraft(draft({ receivedOn: '2025-11-25' }), TODAY)).toEqual([]);
  });

  it("checks each type's details with the shared intake schema", () => {
    const rectification = validateDraft(draft({ type: 'rectification', corrections: [{ field: 'name', currentValue: '', newValue: '' }], explanation: '' }), TODAY);
    expect(rectification.map((e) => e.path)).toEqual(expect.arrayContaining(['details.corrections.0.newValue', 'details.explanation']));
    const child = validateDraft(draft({ type: 'child_data_removal', childAge: '14' }), TODAY);
    expect(child.map((e) => e.path)).toEqual(expect.arrayContaining(['details.child', 'details.relationship', 'details.childAge']));
    expect(validateDraft(draft({ type: 'opt_out' }), TODAY).map((e) => e.path)).toEqual(['details.channels']);
  });

  it('puts every error on a control of the form', () => {
    expect(controlIdFor('details.corrections.0.newValue')).toBe('log-details-corrections-0-newValue');
    expect(controlIdFor('details.child')).toBe('log-details-child-name');
    expect(controlIdFor('email')).toBe('log-email');
  });
});
