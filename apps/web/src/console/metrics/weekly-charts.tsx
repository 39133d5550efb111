import type { ReactNode } from 'react';
import { REQUEST_TYPES } from '@rightsdesk/domain';
import type { paths } from '../../api/schema';
import { formatDate, type Locale, useLocale, useMessages } from '../../i18n/locale';
import { requestVocabulary } from '../request-vocabulary.messages';
import { BarChart } from './bar-chart';
import { LineChart } from './line-chart';
import { metricsMessages } from './metrics.messages';

export type WeeklyAnswer = paths['/api/v1/console/metrics/weekly']['get']['responses'][200]['content']['application/json'];
type Week = WeeklyAnswer['weeks'][number];

function shortDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function decimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

// The three week-by-week charts, each followed by its numbers in a table (the "show data" alternative).
export function WeeklyCharts({ weekly }: { weekly: WeeklyAnswer }) {
  const m = useMessages(metricsMessages).charts;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const weeks = weekly.weeks;
  const labels = weeks.map((w) => shortDate(w.start, locale));
  const weekName = (w: Week) => m.weekOf(w.isoWeek, formatDate(w.start, locale));
  const range = [formatDate(weekly.period.from, locale), formatDate(weekly.period.to, locale)] as const;

  const busiest = weeks.reduce<Week | null>((best, w) => (w.receivedTotal > (best?.receivedTotal ?? 0) ? w : best), null);
  const totalReceived = weeks.reduce((sum, w) => sum + w.receivedTotal, 0);
  const medians = weeks.map((w) => w.medianDaysToClose);
  const withMedian = medians.filter((v): v is number => v !== null);
  const overdue = weeks.map((w) => w.overdueAtEnd);
  const measured = overdue.filter((v): v is number => v !== null);

  return (
    <>
      <figure className="chart-figure" aria-labelledby="chart-received-caption">
        <figcaption id="chart-received-caption">{m.received.title}</figcaption>
        <BarChart
          id="chart-received"
          title={m.received.title}
          description={m.received.description(weeks.length, range[0], range[1], totalReceived, busiest ? `${weekName(busiest)} (${busiest.receivedTotal})` : null)}
          labels={labels}
          series={REQUEST_TYPES.map((type) => ({ key: type, label: words.typesShort[type], values: weeks.map((w) => w.received[type]) }))}
          axisLabel={m.requestsAxis}
          legendLabel={m.legend}
          format={String}
        />
        <ChartData summary={m.showData} caption={m.received.caption}>
              <thead>
                <tr>
                  <th scope="col">{m.week}</th>
                  {REQUEST_TYPES.map((type) => (
                    <th scope="col" key={type} className="numeric">
                      {words.typesShort[type]}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {m.received.total}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.isoWeek}>
                    <th scope="row">{weekName(w)}</th>
                    {REQUEST_TYPES.map((type) => (
                      <td key={type} className="numeric">
                        {w.received[type]}
                      </td>
                    ))}
                    <td className="numeric">{w.receivedTotal}</td>
                  </tr>
                ))}
              </tbody>
        </ChartData>
      </figure>

      <figure className="chart-figure" aria-labelledby="chart-median-caption">
        <figcaption id="chart-median-caption">{m.median.title}</figcaption>
        <BarChart
          id="chart-median"
          title={m.median.title}
          description={m.median.description(
            weeks.length,
            withMedian.length,
            withMedian.length ? decimal(Math.min(...withMedian), locale) : null,
            withMedian.length ? decimal(Math.max(...withMedian), locale) : null,
          )}
          labels={labels}
          series={[{ key: 'median', label: m.median.value, values: medians }]}
          axisLabel={m.median.axis}
          legendLabel={m.legend}
          format={(value) => decimal(value, locale)}
        />
        <ChartData summary={m.showData} caption={m.median.caption}>
              <thead>
                <tr>
                  <th scope="col">{m.week}</th>
                  <th scope="col" className="numeric">
                    {m.median.closed}
                  </th>
                  <th scope="col" className="numeric">
                    {m.median.value}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.isoWeek}>
                    <th scope="row">{weekName(w)}</th>
                    <td className="numeric">{w.closed}</td>
                    <td className="numeric">{w.medianDaysToClose === null ? m.median.noneClosed : decimal(w.medianDaysToClose, locale)}</td>
                  </tr>
                ))}
              </tbody>
        </ChartData>
      </figure>

      <figure className="chart-figure" aria-labelledby="chart-overdue-caption">
        <figcaption id="chart-overdue-caption">{m.overdue.title}</figcaption>
        <LineChart
          id="chart-overdue"
          title={m.overdue.title}
          description={m.overdue.description(
            weeks.length,
            measured.length ? String(measured[0]) : null,
            measured.length ? String(measured[measured.length - 1]) : null,
            measured.length ? String(Math.max(...measured)) : null,
          )}
          labels={labels}
          values={overdue}
          axisLabel={m.requestsAxis}
        />
        <ChartData summary={m.showData} caption={m.overdue.caption}>
              <thead>
                <tr>
                  <th scope="col">{m.week}</th>
                  <th scope="col" className="numeric">
                    {m.overdue.value}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.isoWeek}>
                    <th scope="row">{weekName(w)}</th>
                    <td className="numeric">{w.overdueAtEnd === null ? m.overdue.notBegun : w.overdueAtEnd}</td>
                  </tr>
                ))}
              </tbody>
        </ChartData>
      </figure>
    </>
  );
}

/** A chart's numbers as a table behind "show the data": the same figures for screen readers and anyone who prefers them. */
function ChartData({ summary, caption, children }: { summary: string; caption: string; children: ReactNode }) {
  return (
    <details className="chart-data">
      <summary>{summary}</summary>
      <div className="table-scroll" tabIndex={0} role="group" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
