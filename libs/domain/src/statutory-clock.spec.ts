import { type RegimeId } from './regime';
import { computeDeadline } from './statutory-clock';

describe('computeDeadline', () => {
  describe('GDPR and UK GDPR: one month, plus two further months', () => {
    it('explains the simple case', () => {
      expect(computeDeadline({ regime: 'gdpr', type: 'access', receivedOn: '2026-11-25' })).toEqual({
        regime: 'gdpr',
        dueOn: '2026-12-25',
        originalDueOn: '2026-12-25',
        extendedDueOn: '2027-02-25',
        canExtend: true,
        extensionNoticeBy: '2026-12-25',
        confirmReceiptBy: null,
        pausedDays: 0,
        legalBasis: 'GDPR Art. 12(3)',
        explanation: 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25',
      });
    });

    it('explains an extension', () => {
      const sut = computeDeadline({
        regime: 'gdpr',
        type: 'erasure',
        receivedOn: '2026-11-25',
        extended: true,
      });
      expect(sut).toMatchObject({
        dueOn: '2027-02-25',
        originalDueOn: '2026-12-25',
        extendedDueOn: '2027-02-25',
        canExtend: false,
        extensionNoticeBy: '2026-12-25',
      });
      expect(sut.explanation).toBe(
        'due 2027-02-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months',
      );
    });

    it.each([
      // Month ends clamp to the shorter month.
      ['2026-01-31', '2026-02-28', '2026-04-30'],
      ['2026-03-31', '2026-04-30', '2026-06-30'],
      ['2026-08-31', '2026-09-30', '2026-11-30'],
      ['2026-05-31', '2026-06-30', '2026-08-31'],
      ['2026-12-31', '2027-01-31', '2027-03-31'],
      // The extension counts three months from receipt, not two from the clamped first deadline.
      ['2026-10-31', '2026-11-30', '2027-01-31'],
      ['2026-11-30', '2026-12-30', '2027-02-28'],
      // Leap years.
      ['2028-01-29', '2028-02-29', '2028-04-29'],
      ['2028-01-30', '2028-02-29', '2028-04-30'],
      ['2028-01-31', '2028-02-29', '2028-04-30'],
      ['2027-01-29', '2027-02-28', '2027-04-29'],
      ['2027-01-31', '2027-02-28', '2027-04-30'],
      ['2028-02-29', '2028-03-29', '2028-05-29'],
      ['2027-12-29', '2028-01-29', '2028-03-29'],
      ['2027-11-30', '2027-12-30', '2028-02-29'],
    ])('received %s: due %s, extended %s', (receivedOn, dueOn, extendedDueOn) => {
      for (const regime of ['gdpr', 'uk_gdpr'] as const) {
        const sut = computeDeadline({ regime, type: 'access', receivedOn });
        expect(sut.dueOn).toBe(dueOn);
        expect(sut.extendedDueOn).toBe(extendedDueOn);
        expect(sut.extensionNoticeBy).toBe(dueOn);
        expect(computeDeadline({ regime, type: 'access', receivedOn, extended: true }).dueOn).toBe(
          extendedDueOn,
        );
      }
    });

    it('cites UK GDPR for the UK', () => {
      const sut = computeDeadline({ regime: 'uk_gdpr', type: 'rectification', receivedOn: '2028-02-29' });
      expect(sut.legalBasis).toBe('UK GDPR Art. 12(3)');
      expect(sut.explanation).toBe(
        'due 2028-03-29: UK GDPR Art. 12(3), one month from receipt on 2028-02-29',
      );
    });

    it('uses the same clock for every request type, including objections to marketing', () => {
      for (const type of ['access', 'rectification', 'erasure', 'opt_out', 'child_data_removal'] as const) {
        expect(computeDeadline({ regime: 'gdpr', type, receivedOn: '2026-11-25' }).dueOn).toBe('2026-12-25');
      }
    });

    it('offers an extension only until the first period ends', () => {
      const base = { regime: 'gdpr', type: 'access', receivedOn: '2026-11-25' } as const;
      expect(computeDeadline({ ...base, today: '2026-12-25' }).canExtend).toBe(true);
      expect(computeDeadline({ ...base, today: '2026-12-26' }).canExtend).toBe(false);
    });
  });

  describe('holds under a regime that pauses the clock', () => {
    const base = { regime: 'gdpr', type: 'access', receivedOn: '2026-11-25' } as const;

    it('adds the days on hold', () => {
      const sut = computeDeadline({ ...base, holds: [{ from: '2026-12-01', to: '2026-12-06' }] });
      expect(sut).toMatchObject({
        dueOn: '2026-12-30',
        originalDueOn: '2026-12-30',
        extendedDueOn: '2027-03-02',
        extensionNoticeBy: '2026-12-30',
        pausedDays: 5,
      });
      expect(sut.explanation).toBe(
        'due 2026-12-30: GDPR Art. 12(3), one month from receipt on 2026-11-25, plus 5 days paused while waiting for the requester',
      );
    });

    it('combines a pause with an extension', () => {
      const sut = computeDeadline({
        ...base,
        extended: true,
        holds: [{ from: '2026-12-01', to: '2026-12-06' }],
      });
      expect(sut.dueOn).toBe('2027-03-02');
      expect(sut.explanation).toBe(
        'due 2027-03-02: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months, plus 5 days paused while waiting for the requester',
      );
    });

    it('counts an open hold until today', () => {
      const sut = computeDeadline({ ...base, holds: [{ from: '2026-12-01' }], today: '2026-12-11' });
      expect(sut.pausedDays).toBe(10);
      expect(sut.dueOn).toBe('2027-01-04');
      expect(sut.canExtend).toBe(true);
    });

    it('counts nothing for an open hold when today defaults to the day of receipt', () => {
      const sut = computeDeadline({ ...base, holds: [{ from: '2026-12-01' }] });
      expect(sut.pausedDays).toBe(0);
      expect(sut.dueOn).toBe('2026-12-25');
      expect(sut.explanation).toBe('due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25');
    });

    it('uses the singular for one day', () => {
      const sut = computeDeadline({ ...base, holds: [{ from: '2026-12-01', to: '2026-12-02' }] });
      expect(sut.dueOn).toBe('2026-12-26');
      expect(sut.explanation).toBe(
        'due 2026-12-26: GDPR Art. 12(3), one month from receipt on 2026-11-25, plus 1 day paused while waiting for the requester',
      );
    });

    it('adds separate holds and does not count overlapping days twice', () => {
      expect(
        computeDeadline({
          ...base,
          holds: [
            { from: '2026-12-10', to: '2026-12-11' },
            { from: '2026-12-01', to: '2026-12-03' },
          ],
        }),
      ).toMatchObject({ pausedDays: 3, dueOn: '2026-12-28' });
      expect(
        computeDeadline({
          ...base,
          holds: [
            { from: '2026-12-01', to: '2026-12-06' },
            { from: '2026-12-04', to: '2026-12-10' },
            { from: '2026-12-05', to: '2026-12-07' },
          ],
        }),
      ).toMatchObject({ pausedDays: 9, dueOn: '2027-01-03' });
    });

    it('ignores the part of a hold before receipt', () => {
      expect(computeDeadline({ ...base, holds: [{ from: '2026-11-20', to: '2026-11-27' }] })).toMatchObject({
        pausedDays: 2,
        dueOn: '2026-12-27',
      });
    });

    it('counts a hold that starts on the due date but not one that starts after it', () => {
      expect(computeDeadline({ ...base, holds: [{ from: '2026-12-25', to: '2026-12-27' }] })).toMatchObject({
        pausedDays: 2,
        dueOn: '2026-12-27',
      });
      const late = computeDeadline({ ...base, holds: [{ from: '2027-01-05', to: '2027-01-10' }] });
      expect(late).toMatchObject({ pausedDays: 0, dueOn: '2026-12-25' });
      expect(late.explanation).toBe(
        'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, a hold that began after the due date does not extend it',
      );
    });

    it('lets an earlier hold keep a later one inside the period', () => {
      const sut = computeDeadline({
        ...base,
        holds: [
          { from: '2026-12-01', to: '2026-12-21' },
          { from: '2027-01-05', to: '2027-01-07' },
        ],
      });
      expect(sut).toMatchObject({ pausedDays: 22, dueOn: '2027-01-16' });
    });

    it('rejects a hold that ends before it starts', () => {
      expect(() => computeDeadline({ ...base, holds: [{ from: '2026-12-06', to: '2026-12-01' }] })).toThrow(
        RangeError,
      );
    });
  });

  describe('CCPA: 45 days regardless of verification, receipt confirmed in 10 business days', () => {
    it('explains the simple case, confirming receipt after the Thanksgiving holidays', () => {
      expect(computeDeadline({ regime: 'ccpa', type: 'access', receivedOn: '2026-11-25' })).toEqual({
        regime: 'ccpa',
        dueOn: '2027-01-09',
        originalDueOn: '2027-01-09',
        extendedDueOn: '2027-02-23',
        canExtend: true,
        extensionNoticeBy: '2027-01-09',
        confirmReceiptBy: '2026-12-11',
        pausedDays: 0,
        legalBasis: 'Cal. Civ. Code §1798.130(a)(2)',
        explanation:
          'due 2027-01-09: Cal. Civ. Code §1798.130(a)(2), 45 days from receipt on 2026-11-25; confirm receipt by 2026-12-11',
      });
    });

    it('explains an extension to 90 days', () => {
      const sut = computeDeadline({
        regime: 'ccpa',
        type: 'erasure',
        receivedOn: '2026-11-25',
        extended: true,
      });
      expect(sut.dueOn).toBe('2027-02-23');
      expect(sut.explanation).toBe(
        'due 2027-02-23: Cal. Civ. Code §1798.130(a)(2), 45 days from receipt on 2026-11-25, extended by a further 45 days; confirm receipt by 2026-12-11',
      );
    });

    it('keeps the clock running while on hold', () => {
      const sut = computeDeadline({
        regime: 'ccpa',
        type: 'access',
        receivedOn: '2026-11-25',
        holds: [{ from: '2026-12-01', to: '2026-12-06' }],
        today: '2026-12-20',
      });
      expect(sut).toMatchObject({ dueOn: '2027-01-09', pausedDays: 0 });
      expect(sut.explanation).toBe(
        'due 2027-01-09: Cal. Civ. Code §1798.130(a)(2), 45 days from receipt on 2026-11-25, the clock keeps running while on hold; confirm receipt by 2026-12-11',
      );
    });

    it.each([
      // Christmas and New Year's Day fall inside the ten business days.
      ['2026-12-18', '2027-02-01', '2027-01-05'],
      // Independence Day 2026 is observed on Friday 3 July.
      ['2026-07-01', '2026-08-15', '2026-07-16'],
      ['2028-01-15', '2028-02-29', '2028-01-31'],
      ['2027-01-15', '2027-03-01', '2027-02-01'],
    ])('received %s: due %s, confirm receipt by %s', (receivedOn, dueOn, confirmReceiptBy) => {
      const sut = computeDeadline({ regime: 'ccpa', type: 'rectification', receivedOn });
      expect(sut.dueOn).toBe(dueOn);
      expect(sut.confirmReceiptBy).toBe(confirmReceiptBy);
    });

    it('gives opt-outs 15 business days, no extension and no receipt confirmation', () => {
      const sut = computeDeadline({ regime: 'ccpa', type: 'opt_out', receivedOn: '2026-11-25' });
      expect(sut).toEqual({
        regime: 'ccpa',
        dueOn: '2026-12-18',
        originalDueOn: '2026-12-18',
        extendedDueOn: null,
        canExtend: false,
        extensionNoticeBy: null,
        confirmReceiptBy: null,
        pausedDays: 0,
        legalBasis: '11 CCR §7026(f)',
        explanation: 'due 2026-12-18: 11 CCR §7026(f), 15 business days from receipt on 2026-11-25',
      });
    });

    it('refuses to extend an opt-out and says so', () => {
      const sut = computeDeadline({
        regime: 'ccpa',
        type: 'opt_out',
        receivedOn: '2026-11-25',
        extended: true,
      });
      expect(sut.dueOn).toBe('2026-12-18');
      expect(sut.explanation).toBe(
        'due 2026-12-18: 11 CCR §7026(f), 15 business days from receipt on 2026-11-25, no extension is available',
      );
    });

    it('confirms receipt of a child data removal like a deletion', () => {
      expect(
        computeDeadline({ regime: 'ccpa', type: 'child_data_removal', receivedOn: '2026-11-25' })
          .confirmReceiptBy,
      ).toBe('2026-12-11');
    });
  });

  describe('Virginia-model state laws and LGPD', () => {
    it('gives US state laws 45 + 45 days without a receipt confirmation', () => {
      const sut = computeDeadline({ regime: 'us_state', type: 'access', receivedOn: '2026-11-25' });
      expect(sut).toMatchObject({
        dueOn: '2027-01-09',
        extendedDueOn: '2027-02-23',
        extensionNoticeBy: '2027-01-09',
        confirmReceiptBy: null,
        legalBasis: 'Va. Code §59.1-577(B)',
      });
      expect(sut.explanation).toBe(
        'due 2027-01-09: Va. Code §59.1-577(B), 45 days from receipt on 2026-11-25',
      );
      expect(computeDeadline({ regime: 'us_state', type: 'opt_out', receivedOn: '2026-11-25' }).dueOn).toBe(
        '2027-01-09',
      );
      expect(
        computeDeadline({ regime: 'us_state', type: 'access', receivedOn: '2026-11-25', extended: true })
          .explanation,
      ).toBe(
        'due 2027-02-23: Va. Code §59.1-577(B), 45 days from receipt on 2026-11-25, extended by a further 45 days',
      );
    });

    it('gives LGPD 15 days with no extension and no pause', () => {
      const sut = computeDeadline({ regime: 'lgpd', type: 'access', receivedOn: '2026-11-25' });
      expect(sut).toEqual({
        regime: 'lgpd',
        dueOn: '2026-12-10',
        originalDueOn: '2026-12-10',
        extendedDueOn: null,
        canExtend: false,
        extensionNoticeBy: null,
        confirmReceiptBy: null,
        pausedDays: 0,
        legalBasis: 'LGPD Art. 19',
        explanation: 'due 2026-12-10: LGPD Art. 19, 15 days from receipt on 2026-11-25',
      });
      expect(
        computeDeadline({
          regime: 'lgpd',
          type: 'access',
          receivedOn: '2026-11-25',
          extended: true,
          holds: [{ from: '2026-11-26', to: '2026-11-30' }],
        }).explanation,
      ).toBe(
        'due 2026-12-10: LGPD Art. 19, 15 days from receipt on 2026-11-25, no extension is available, the clock keeps running while on hold',
      );
    });
  });

  describe('invalid input', () => {
    it('rejects an invalid date or an unknown regime', () => {
      expect(() => computeDeadline({ regime: 'gdpr', type: 'access', receivedOn: '2026-02-30' })).toThrow(
        RangeError,
      );
      expect(() =>
        computeDeadline({ regime: 'gdpr', type: 'access', receivedOn: '2026-02-01', today: '2026-2-1' }),
      ).toThrow(RangeError);
      expect(() =>
        computeDeadline({ regime: 'pipeda' as RegimeId, type: 'access', receivedOn: '2026-02-01' }),
      ).toThrow(RangeError);
    });
  });
});
