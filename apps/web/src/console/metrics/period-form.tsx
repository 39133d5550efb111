import { type FormEvent, useState } from 'react';
import { ErrorSummary, Field, type FieldProblem, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import { metricsMessages } from './metrics.messages';
import { lastWeeks, type MetricsPeriod, metricsHref, PRESET_WEEKS } from './metrics-period';

// The period is the URL's: quick links for the usual spans, or two dates.
export function PeriodForm({ period, year, serverProblems, onApply }: { period: MetricsPeriod; year: string; serverProblems: FieldProblem[]; onApply(period: MetricsPeriod): void }) {
  const m = useMessages(metricsMessages).period;
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const shown = problems.length > 0 ? problems : serverProblems;
  const errorFor = (id: string) => shown.find((p) => p.id === id)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!from) {
      found.push({ id: 'metrics-from', message: m.required });
    }
    if (!to) {
      found.push({ id: 'metrics-to', message: m.required });
    }
    if (from && to && to < from) {
      found.push({ id: 'metrics-to', message: m.toBeforeFrom });
    }
    setProblems(found);
    if (found.length === 0) {
      onApply({ from, to });
    }
  };
  return (
    <section aria-labelledby="metrics-period-title" className="filters">
      <h2 id="metrics-period-title">{m.heading}</h2>
      <nav aria-label={m.presets}>
        <ul className="preset-links">
          {PRESET_WEEKS.map((weeks) => {
            const preset = lastWeeks(weeks);
            const current = preset.from === period.from && preset.to === period.to;
            return (
              <li key={weeks}>
                <Link to={metricsHref(preset, year)} aria-current={current ? 'true' : undefined}>
                  {m.lastWeeks(weeks)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={shown} />
        <p className="hint" id="metrics-period-hint">
          {m.hint}
        </p>
        <div className="filter-grid">
          <Field id="metrics-from" label={m.from} error={errorFor('metrics-from')} required>
            {(describedBy, invalid) => <TextInput id="metrics-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={[describedBy, 'metrics-period-hint'].filter(Boolean).join(' ')} invalid={invalid} />}
          </Field>
          <Field id="metrics-to" label={m.to} error={errorFor('metrics-to')} required>
            {(describedBy, invalid) => <TextInput id="metrics-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={[describedBy, 'metrics-period-hint'].filter(Boolean).join(' ')} invalid={invalid} />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit">{m.apply}</button>
        </div>
      </form>
    </section>
  );
}
