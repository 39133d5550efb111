import { api, ApiError } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { useMessages } from '../../i18n/locale';
import { ConsolePage } from '../console-layout';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { dataMapMessages } from './data-map.messages';
import { SystemSection } from './system-section';

// The data map as declared, for every role: systems → collections → fields, in plain words.
export function DataMapPage() {
  const m = useMessages(dataMapMessages);
  const call = useConsoleCall();
  const { state } = useLoad(() => call(api.GET('/api/v1/console/data-map')), 'data-map');
  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        state.error instanceof ApiError && state.error.code === 'no_data_map' ? <Notice tone="warning">{m.noDataMap}</Notice> : <ProblemNotice error={state.error} />
      ) : null}
      {state.status === 'ready' ? (
        <>
          <nav aria-labelledby="data-map-contents">
            <h2 id="data-map-contents">{m.contents}</h2>
            <ul className="data-map-contents">
              {state.data.systems.map((system) => (
                <li key={system.key}>
                  <a href={`#system-${system.key}`}>{system.title}</a> — {m.kinds[system.kind]}
                </li>
              ))}
            </ul>
          </nav>
          <p className="hint">{m.howRulesRun}</p>
          {state.data.systems.map((system) => (
            <SystemSection key={system.key} system={system} />
          ))}
          <p className="hint data-map-fingerprint">{m.fingerprint(state.data.sha256)}</p>
        </>
      ) : null}
    </ConsolePage>
  );
}
