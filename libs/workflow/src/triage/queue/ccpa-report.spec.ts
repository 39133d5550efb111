import type { OutcomeCount } from '@rightsdesk/data-access';
import { ccpaCsv, ccpaRows } from './ccpa-report';

const outcomes: OutcomeCount[] = [
  { type: 'access', status: 'completed', days: 10, count: 2 },
  { type: 'access', status: 'completed', days: 31, count: 1 },
  { type: 'access', status: 'denied', days: 5, count: 1 },
  { type: 'access', status: 'awaiting_review', days: null, count: 3 },
  { type: 'erasure', status: 'completed', days: 20, count: 1 },
  { type: 'child_data_removal', status: 'denied', days: 3, count: 1 },
  { type: 'child_data_removal', status: 'expired', days: null, count: 2 },
  { type: 'opt_out', status: 'completed', days: 1, count: 4 },
];

describe('CCPA annual figures', () => {
  it('maps request types to the kinds §7102 names and counts each', () => {
    expect(ccpaRows(outcomes)).toEqual([
      // know: 5, 10, 10, 31 → median 10, mean 56 / 4 = 14
      { kind: 'know', received: 7, compliedInWholeOrPart: 3, denied: 1, medianDays: 10, meanDays: 14 },
      // delete: erasure 20 and child data removal 3 → median 11.5, mean 11.5
      { kind: 'delete', received: 4, compliedInWholeOrPart: 1, denied: 1, medianDays: 11.5, meanDays: 11.5 },
      { kind: 'correct', received: 0, compliedInWholeOrPart: 0, denied: 0, medianDays: null, meanDays: null },
      { kind: 'opt_out', received: 4, compliedInWholeOrPart: 4, denied: 0, medianDays: 1, meanDays: 1 },
    ]);
  });

  it('writes CSV with CRLF line ends, one decimal and empty cells where nothing was decided', () => {
    expect(ccpaCsv(ccpaRows(outcomes))).toBe(
      [
        'request_kind,received,complied_in_whole_or_part,denied,median_days_to_respond,mean_days_to_respond',
        'know,7,3,1,10.0,14.0',
        'delete,4,1,1,11.5,11.5',
        'correct,0,0,0,,',
        'opt_out,4,4,0,1.0,1.0',
        '',
      ].join('\r\n'),
    );
  });
});
