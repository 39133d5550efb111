import { Field, Select } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { metricsMessages } from './metrics.messages';

// A plain link to the api's CSV: the browser downloads it with the session cookie, no script needed.
export function CcpaDownload({ year, years, onYear }: { year: string; years: string[]; onYear(year: string): void }) {
  const m = useMessages(metricsMessages).ccpa;
  return (
    <section aria-labelledby="ccpa-title">
      <h2 id="ccpa-title">{m.heading}</h2>
      <p>{m.body}</p>
      <Field id="ccpa-year" label={m.year} required>
        {(describedBy) => (
          <Select id="ccpa-year" value={year} onChange={(e) => onYear(e.target.value)} aria-describedby={describedBy}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <p>
        <a className="button secondary" href={`/api/v1/console/metrics/ccpa.csv?year=${encodeURIComponent(year)}`} download={`ccpa-metrics-${year}.csv`}>
          {m.download(year)}
        </a>
      </p>
    </section>
  );
}
