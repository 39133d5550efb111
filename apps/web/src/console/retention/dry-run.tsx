import { useState } from 'react';
import { api } from '../../api/client';
import { Badge } from '../../components/badge';
import { ProblemNotice } from '../../components/feedback';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { useConsoleCall } from '../use-console-call';
import { retentionMessages } from './retention.messages';
import type { RetentionPlanEntry } from './retention-types';
import { formatCount, RuleId } from './retention-words';

type PlanState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; plan: RetentionPlanEntry[] } | { status: 'error'; error: unknown };

// The dry run, on demand (it asks every store, so not on every page view): per rule how much a run
// would change now and a few keys, changing nothing. Every role may ask.
export function DryRun() {
  const m = useMessages(retentionMessages);
  const { locale } = useLocale();
  const call = useConsoleCall();
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  const check = async () => {
    setState({ status: 'loading' });
    try {
      const { plan } = await call(api.GET('/api/v1/console/retention/plan'));
      setState({ status: 'ready', plan });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  const asOf = state.status === 'ready' && state.plan.length > 0 ? formatDateTime(state.plan[0].asOf, locale) : '';
  const total = state.status === 'ready' ? state.plan.reduce((sum, entry) => sum + (entry.due ?? 0), 0) : 0;
  return (
    <section aria-labelledby="retention-plan-heading" className="retention-plan">
      <h2 id="retention-plan-heading">{m.plan.heading}</h2>
      <p>{m.plan.intro}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={state.status === 'loading'} onClick={() => void check()}>
          {state.status === 'loading' ? m.plan.checking : m.plan.check}
        </button>
      </div>
      {/* Present before the answer arrives, so screen readers announce the summary. */}
      <p role="status" className="retention-plan-summary">
        {state.status === 'ready' ? m.plan.summary(state.plan.length, formatCount(total, locale), asOf) : ''}
      </p>
      {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' && state.plan.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="group" aria-label={m.plan.caption(asOf)}>
          <table className="retention-plan-table">
            <caption>{m.plan.caption(asOf)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.plan.rule}</th>
                <th scope="col" className="numeric">
                  {m.plan.due}
                </th>
                <th scope="col">{m.plan.samples}</th>
              </tr>
            </thead>
            <tbody>
              {state.plan.map((entry) => (
                <tr key={entry.ruleId} data-rule={entry.ruleId}>
                  <th scope="row">
                    <RuleId id={entry.ruleId} />
                    {entry.hold ? (
                      <span className="cell-note">
                        <Badge tone="warning">{m.rules.held}</Badge> {m.plan.held}
                      </span>
                    ) : null}
                  </th>
                  <td className="numeric retention-due">{entry.due === null ? '—' : formatCount(entry.due, locale)}</td>
                  <td>
                    {entry.error ? (
                      <span className="error-message">{m.plan.couldNotCount(entry.error)}</span>
                    ) : entry.sampleKeys.length > 0 ? (
                      <ul className="plain-list">
                        {entry.sampleKeys.map((key) => (
                          <li key={key}>
                            <code className="break">{key}</code>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      m.plan.noSamples
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
