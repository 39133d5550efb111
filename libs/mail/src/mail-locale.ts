export type MailLocale = 'en' | 'de';

export const MAIL_LOCALES: readonly MailLocale[] = ['en', 'de'];

// A locale stored with a request may come from a browser ('de-AT') or from an older row; anything
// we have no translation for gets English rather than a failed send.
export function resolveMailLocale(value: string | null | undefined): MailLocale {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'de' ? 'de' : 'en';
}

const INTL_LOCALE: Record<MailLocale, string> = { en: 'en-GB', de: 'de-DE' };

// Month names avoid the 03/04 ambiguity between readers on either side of the Atlantic. The date is
// a calendar date, so it is formatted in UTC to keep it from shifting with the server's time zone.
export function formatCalendarDate(isoDate: string, locale: MailLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatHours(hours: number, locale: MailLocale): string {
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new RangeError(`Expected a positive number of hours, got ${hours}`);
  }
  const count = new Intl.NumberFormat(INTL_LOCALE[locale]).format(hours);
  if (locale === 'de') {
    return `${count} ${hours === 1 ? 'Stunde' : 'Stunden'}`;
  }
  return `${count} ${hours === 1 ? 'hour' : 'hours'}`;
}
