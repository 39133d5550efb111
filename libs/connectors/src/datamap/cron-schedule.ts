// Retention jobs are scheduled with standard five-field cron (minute hour day-of-month month
// day-of-week). Checked here so a typo fails at load time rather than silently never running.
const FIELDS = [
  { name: 'minute', min: 0, max: 59, names: [] as string[] },
  { name: 'hour', min: 0, max: 23, names: [] as string[] },
  { name: 'day of month', min: 1, max: 31, names: [] as string[] },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 0 and 7 are both Sunday.
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

function valueOf(token: string, field: (typeof FIELDS)[number]): number | undefined {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    return value >= field.min && value <= field.max ? value : undefined;
  }
  const index = field.names.indexOf(token.toUpperCase());
  if (index === -1) {
    return undefined;
  }
  return field.name === 'month' ? index + 1 : index;
}

function partProblem(part: string, field: (typeof FIELDS)[number]): boolean {
  const [range, step, ...rest] = part.split('/');
  if (rest.length > 0 || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
    return true;
  }
  if (range === '*') {
    return false;
  }
  const [from, to, ...more] = range.split('-');
  if (more.length > 0) {
    return true;
  }
  const start = valueOf(from, field);
  if (start === undefined) {
    return true;
  }
  if (to === undefined) {
    return false;
  }
  const end = valueOf(to, field);
  return end === undefined || end < start;
}

/** Why `expression` is not a five-field cron expression, or undefined when it is one. */
export function cronProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return `"${expression}" has ${parts.length} fields; cron needs 5: minute hour day-of-month month day-of-week, e.g. "0 3 * * *"`;
  }
  for (const [index, field] of FIELDS.entries()) {
    const bad = parts[index].split(',').some((part) => partProblem(part, field));
    if (bad) {
      return `"${parts[index]}" is not a valid ${field.name} (${field.min}-${field.max}, *, lists, ranges and /steps)`;
    }
  }
  return undefined;
}

/** Whether the runtime's time zone database knows `name` (e.g. UTC, Europe/Berlin). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function knownTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}
