import type { OutcomeCount } from '@rightsdesk/data-access';
import type { RequestType } from '@rightsdesk/domain';
import { closedFigures } from './metrics-figures';

// 11 CCR §7102(a): per kind of request, the number received, complied with in whole or in part,
// and denied, and the median or mean days to respond substantively. We publish both.
export const CCPA_KINDS = [
  { kind: 'know', types: ['access'] },
  { kind: 'delete', types: ['erasure', 'child_data_removal'] },
  { kind: 'correct', types: ['rectification'] },
  { kind: 'opt_out', types: ['opt_out'] },
] as const satisfies ReadonlyArray<{ kind: string; types: readonly RequestType[] }>;

export interface CcpaRow {
  kind: (typeof CCPA_KINDS)[number]['kind'];
  received: number;
  compliedInWholeOrPart: number;
  denied: number;
  medianDays: number | null;
  meanDays: number | null;
}

export const CCPA_CSV_HEADER = [
  'request_kind',
  'received',
  'complied_in_whole_or_part',
  'denied',
  'median_days_to_respond',
  'mean_days_to_respond',
] as const;

/** One row per kind, in the order of CCPA_KINDS. */
export function ccpaRows(outcomes: readonly OutcomeCount[]): CcpaRow[] {
  return CCPA_KINDS.map(({ kind, types }) => {
    const rows = outcomes.filter((row) => (types as readonly RequestType[]).includes(row.type));
    const closed = closedFigures(rows);
    return {
      kind,
      received: rows.reduce((sum, row) => sum + row.count, 0),
      compliedInWholeOrPart: closed.completed,
      denied: closed.denied,
      medianDays: closed.medianDays,
      meanDays: closed.meanDays,
    };
  });
}

/** RFC 4180 CSV (CRLF line ends); days with one decimal, empty when nothing was decided. */
export function ccpaCsv(rows: readonly CcpaRow[]): string {
  const days = (value: number | null): string => (value === null ? '' : value.toFixed(1));
  const lines = [
    CCPA_CSV_HEADER.join(','),
    ...rows.map((row) =>
      [
        row.kind,
        row.received,
        row.compliedInWholeOrPart,
        row.denied,
        days(row.medianDays),
        days(row.meanDays),
      ].join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
