import { ProblemNotice } from '../../../components/feedback';
import { useMessages } from '../../../i18n/locale';
import type { ErasurePlan } from '../../console-api-types';
import type { Loaded } from '../../use-load';
import { actionsMessages } from './actions.messages';

// The dry run the command line prints, as tables: per system, each collection in erase order with
// the number of records the subject has there and what the data map says will happen to them.
export function ErasurePlanView({ plan }: { plan: Loaded<ErasurePlan> }) {
  const m = useMessages(actionsMessages).approve;
  if (plan.status === 'loading') {
    return (
      <p className="loading" role="status">
        {m.planLoading}
      </p>
    );
  }
  if (plan.status === 'error') {
    return <ProblemNotice error={plan.error} />;
  }
  const total = plan.data.systems.flatMap((s) => s.collections).reduce((sum, c) => sum + (c.count ?? 0), 0);
  return (
    <section className="erasure-plan" aria-labelledby="erasure-plan-title">
      <h3 id="erasure-plan-title">{m.planTitle}</h3>
      <p role="status">{m.planTotal(total)}</p>
      {plan.data.systems.map((system) => (
        <div key={system.system} className="plan-system">
          {system.error ? (
            <>
              <h4>{m.planCaption(system.title, system.system)}</h4>
              <p className="notice notice-warning">{system.error === 'timeout' ? m.planTimeout : m.planError(system.error)}</p>
            </>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`plan-${system.system}`} tabIndex={0}>
              <table>
                <caption id={`plan-${system.system}`}>{m.planCaption(system.title, system.system)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.collection}</th>
                    <th scope="col" className="numeric">
                      {m.count}
                    </th>
                    <th scope="col">{m.effect}</th>
                  </tr>
                </thead>
                <tbody>
                  {system.collections.map((c) => (
                    <tr key={c.collection}>
                      <th scope="row">{c.collection}</th>
                      <td className="numeric">{c.count === null ? m.unknownCount : c.count}</td>
                      <td>{c.effect}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
