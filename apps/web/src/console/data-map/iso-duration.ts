import type { DurationParts } from './data-map.messages';

/** ISO 8601 durations as the data map allows them (P90D, P1Y6M, PT12H, P2W), or null. */
export function parseIsoDuration(text: string): DurationParts | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    return null;
  }
  const [, years, months, weeks, days, hours, minutes] = match.map((part) => Number(part ?? 0));
  return { years, months, weeks, days, hours, minutes };
}
