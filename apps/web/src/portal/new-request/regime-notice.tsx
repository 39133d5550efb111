import { computeDeadline, REGIME_RULES, type RegimeId, regimeFor, type RegimePeriod, type RequestType, toCalendarDate } from '@rightsdesk/domain';
import { formatDate, useLocale, useMessages } from '../../i18n/locale';
import { type RequestWords, requestWords } from '../request-words.messages';
import { usePrivacyCenterSettings } from '../privacy-center-settings';
import { countryName } from './countries';
import { requestFormMessages } from './request-form.messages';

function periodWords(period: RegimePeriod, words: RequestWords): string {
  return 'months' in period ? words.months(period.months) : words.days(period.days);
}

// Two different fallbacks give two answers only when the country has no regime of its own.
function isFallback(country: string, region: string | undefined): boolean {
  return regimeFor(country, region, 'gdpr') !== regimeFor(country, region, 'lgpd');
}

/**
 * Which law applies and the deadline it sets, computed with the server's own rules (regimeFor,
 * computeDeadline) for a request sent today. Announced politely when the country or state changes.
 */
export function RegimeNotice({ type, country, region }: { type: RequestType; country: string; region: string }) {
  const { locale } = useLocale();
  const m = useMessages(requestFormMessages);
  const words = useMessages(requestWords);
  const settings = usePrivacyCenterSettings();
  const fallback = country ? isFallback(country, region || undefined) : false;
  // Without the server's fallback we cannot say which rules a country without its own law gets.
  const regime: RegimeId | null = !country || (fallback && !settings) ? null : regimeFor(country, region || undefined, settings?.regimeFallback ?? 'gdpr');
  let text = '';
  if (regime) {
    const rule = REGIME_RULES[regime];
    const deadline = computeDeadline({ regime, type, receivedOn: toCalendarDate(new Date()) });
    const optOut = type === 'opt_out' ? rule.optOut : null;
    text = m.regimeNotice({
      law: words.regimeName[regime],
      country: fallback ? countryName(country, locale) : null,
      dueOn: formatDate(deadline.dueOn, locale),
      period: optOut ? words.businessDays(optOut.businessDays) : periodWords(rule.responsePeriod, words),
      extension: optOut || !rule.extension ? null : periodWords(rule.extension, words),
    });
  }
  return (
    <div className="regime-notice" aria-live="polite">
      {text ? <p className="notice">{text}</p> : null}
    </div>
  );
}
