import { computeDeadline, type RegimeId, type RequestType } from '@rightsdesk/domain';
import { extensionRefusal } from './extension-refusal';

function refusal(regime: RegimeId, type: RequestType, today: string, extended = false): string | null {
  const request = { regime, type, extended };
  return extensionRefusal(request, computeDeadline({ regime, type, receivedOn: '2026-11-25', extended, today }));
}

describe('extensionRefusal', () => {
  it('allows an extension within the first period', () => {
    expect(refusal('gdpr', 'access', '2026-12-25')).toBeNull();
    expect(refusal('ccpa', 'erasure', '2027-01-09')).toBeNull();
  });

  it('names each reason an extension is refused', () => {
    expect(refusal('gdpr', 'access', '2026-12-01', true)).toBe(
      'The deadline was already extended (it is now 2027-02-25); the law allows one extension.',
    );
    expect(refusal('lgpd', 'access', '2026-11-26')).toBe('LGPD (Brazil) allows no extension of the response period (LGPD Art. 19).');
    expect(refusal('ccpa', 'opt_out', '2026-11-26')).toBe(
      'Opt-out requests under CCPA/CPRA (California) must be honoured within 15 business days (11 CCR §7026(f)); there is no extension.',
    );
    expect(refusal('gdpr', 'access', '2026-12-26')).toBe('Too late: an extension had to be taken, and the requester told, by 2026-12-25.');
  });
});
