import { REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';
import type { paths } from '../../api/schema';
import { formatDate, type Locale, useLocale, useMessages } from '../../i18n/locale';
import { requestVocabulary } from '../request-vocabulary.messages';
import { metricsMessages } from './metrics.messages';

export type MetricsAnswer = paths['/api/v1/console/metrics']['get']['responses'][200]['content']['application/json'];

function decimal(value: number | null, locale: Locale): string {
  return value === null ? '—' : new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

// The period's figures: a short summary, then per type where the requests are now and how long
// closing took, then every status.
export function MetricsFigures({ metrics }: { metrics: MetricsAnswer }) {
  const m = useMessages(metricsMessages);
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const { received, closed } = metrics;
  const days = (value: number | null) => (value === null ? m.summary.none : m.summary.days(decimal(value, locale)));
  const openOf = (type: (typeof REQUEST_TYPES)[number]) => {
    const s = received.byType[type].byStatus;
    return received.byType[type].total - s.completed - s.denied - s.cancelled - s.expired;
  };
  return (
    <>
      <section aria-labelledby="metrics-summary-title">
        <h2 id="metrics-summary-title">{m.summary.heading}</h2>
        <dl className="facts metrics-summary">
          <dt>{m.summary.received}</dt>
          <dd>{received.total}</dd>
          <dt>{m.summary.closed}</dt>
          <dd>
            {closed.overall.count} <span className="hint-inline">({m.summary.closedHint})</span>
          </dd>
          <dt>{m.summary.median}</dt>
          <dd>{days(closed.overall.medianDays)}</dd>
          <dt>{m.summary.mean}</dt>
          <dd>{days(closed.overall.meanDays)}</dd>
          <dt>{m.summary.overdueNow(formatDate(metrics.asOf, locale))}</dt>
          <dd>{metrics.overdueNow}</dd>
        </dl>
      </section>
      <div className="table-scroll" tabIndex={0} role="group" aria-label={m.byType.caption}>
        <table className="metrics-by-type">
          <caption>{m.byType.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.byType.type}</th>
              <th scope="col" className="numeric">{m.byType.received}</th>
              <th scope="col" className="numeric">{m.byType.completed}</th>
              <th scope="col" className="numeric">{m.byType.denied}</th>
              <th scope="col" className="numeric">{m.byType.cancelled}</th>
              <th scope="col" className="numeric">{m.byType.expired}</th>
              <th scope="col" className="numeric">{m.byType.open}</th>
              <th scope="col" className="numeric">{m.byType.median}</th>
              <th scope="col" className="numeric">{m.byType.mean}</th>
            </tr>
          </thead>
          <tbody>
            {REQUEST_TYPES.map((type) => {
              const r = received.byType[type];
              const c = closed.byType[type];
              return (
                <tr key={type}>
                  <th scope="row">{words.typesShort[type]}</th>
                  <td className="numeric">{r.total}</td>
                  <td className="numeric">{r.byStatus.completed}</td>
                  <td className="numeric">{r.byStatus.denied}</td>
                  <td className="numeric">{r.byStatus.cancelled}</td>
                  <td className="numeric">{r.byStatus.expired}</td>
                  <td className="numeric">{openOf(type)}</td>
                  <td className="numeric">{decimal(c.medianDays, locale)}</td>
                  <td className="numeric">{decimal(c.meanDays, locale)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.byType.total}</th>
              <td className="numeric">{received.total}</td>
              <td className="numeric">{closed.overall.completed}</td>
              <td className="numeric">{closed.overall.denied}</td>
              <td className="numeric">{REQUEST_TYPES.reduce((sum, t) => sum + received.byType[t].byStatus.cancelled, 0)}</td>
              <td className="numeric">{REQUEST_TYPES.reduce((sum, t) => sum + received.byType[t].byStatus.expired, 0)}</td>
              <td className="numeric">{REQUEST_TYPES.reduce((sum, t) => sum + openOf(t), 0)}</td>
              <td className="numeric">{decimal(closed.overall.medianDays, locale)}</td>
              <td className="numeric">{decimal(closed.overall.meanDays, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0} role="group" aria-label={m.byStatus.caption}>
        <table className="metrics-by-status">
          <caption>{m.byStatus.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.byStatus.status}</th>
              {REQUEST_TYPES.map((type) => (
                <th scope="col" key={type} className="numeric">
                  {words.typesShort[type]}
                </th>
              ))}
              <th scope="col" className="numeric">{m.byStatus.total}</th>
            </tr>
          </thead>
          <tbody>
            {REQUEST_STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">{words.statuses[status]}</th>
                {REQUEST_TYPES.map((type) => (
                  <td key={type} className="numeric">
                    {received.byType[type].byStatus[status]}
                  </td>
                ))}
                <td className="numeric">{REQUEST_TYPES.reduce((sum, t) => sum + received.byType[t].byStatus[status], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
