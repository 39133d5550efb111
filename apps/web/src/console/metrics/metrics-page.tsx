import { api, ApiError } from '../../api/client';
import { Loading, ProblemNotice } from '../../components/feedback';
import type { FieldProblem } from '../../components/form';
import { formatDate, useLocale, useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { CcpaDownload } from './ccpa-download';
import { MetricsFigures } from './metrics-figures';
import { metricsMessages } from './metrics.messages';
import { metricsHref, readPeriod, today } from './metrics-period';
import { PeriodForm } from './period-form';
import { WeeklyCharts } from './weekly-charts';

const FIELD_IDS: Record<string, string> = { from: 'metrics-from', to: 'metrics-to' };

// Figures and week-by-week charts for one period (in the URL), and the California CSV by year.
export function MetricsPage() {
  const m = useMessages(metricsMessages);
  const { locale } = useLocale();
  const { location, navigate } = useRouter();
  const call = useConsoleCall();
  const period = readPeriod(location.query);
  const thisYear = today().slice(0, 4);
  const years = Array.from({ length: 5 }, (_, i) => String(Number(thisYear) - i));
  const chosen = location.query.get('year') ?? '';
  const year = years.includes(chosen) ? chosen : thisYear;
  const key = `${period.from}/${period.to}`;
  const { state } = useLoad(async () => {
    const query = { from: period.from, to: period.to };
    const [metrics, weekly] = await Promise.all([
      call(api.GET('/api/v1/console/metrics', { params: { query } })),
      call(api.GET('/api/v1/console/metrics/weekly', { params: { query } })),
    ]);
    return { metrics, weekly };
  }, key);
  const serverProblems: FieldProblem[] =
    state.status === 'error' && state.error instanceof ApiError && state.error.status === 422
      ? (state.error.body.fieldErrors ?? []).map((p) => ({ id: FIELD_IDS[p.path] ?? 'metrics-from', message: p.message }))
      : [];

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      <PeriodForm key={key} period={period} year={chosen} serverProblems={serverProblems} onApply={(next) => navigate(metricsHref(next, chosen || undefined))} />
      <p role="status">{m.period.showing(formatDate(period.from, locale), formatDate(period.to, locale))}</p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' && serverProblems.length === 0 ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <MetricsFigures metrics={state.data.metrics} />
          <section aria-labelledby="metrics-charts-title">
            <h2 id="metrics-charts-title">{m.charts.heading}</h2>
            <p>{m.charts.note}</p>
            <WeeklyCharts weekly={state.data.weekly} />
          </section>
        </>
      ) : null}
      <CcpaDownload year={year} years={years} onYear={(next) => navigate(metricsHref(period, next), { replace: true })} />
    </ConsolePage>
  );
}
