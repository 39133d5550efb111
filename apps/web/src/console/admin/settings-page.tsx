import { type FormEvent, useEffect, useState } from 'react';
import { REQUEST_TYPES, type RequestType } from '@rightsdesk/domain';
import { api, ApiError } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary, type FieldProblem } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { ConsolePage } from '../console-layout';
import { requestVocabulary } from '../request-vocabulary.messages';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import type { WorkflowSettings } from './admin-types';
import { type SettingsMessages, settingsMessages } from './settings.messages';

type List = 'autoApprove' | 'fourEyes';

const boxId = (list: List, type: RequestType) => `settings-${list}-${type}`;

// The api is the judge of the rules: the page explains them and shows the api's refusal (422) in
// the reader's language, with each problem linked to a checkbox that causes it.
function problemsFrom(error: ApiError, draft: WorkflowSettings, m: SettingsMessages, typeWord: (t: RequestType) => string): FieldProblem[] {
  const both = draft.autoApprove.filter((type) => draft.fourEyes.includes(type));
  const found: FieldProblem[] = [];
  if (draft.autoApprove.includes('child_data_removal')) {
    found.push({ id: boxId('autoApprove', 'child_data_removal'), message: m.errors.child });
  }
  if (both.length > 0) {
    found.push({ id: boxId('autoApprove', both[0]), message: m.errors.both(both.map(typeWord).join(', ')) });
  }
  if (found.length > 0) {
    return found;
  }
  return (error.body.fieldErrors ?? []).map((p) => ({ id: boxId(p.path.startsWith('fourEyes') ? 'fourEyes' : 'autoApprove', REQUEST_TYPES[0]), message: p.message }));
}

export function SettingsPage() {
  const m = useMessages(settingsMessages);
  const words = useMessages(requestVocabulary);
  const call = useConsoleCall();
  const { state } = useLoad(() => call(api.GET('/api/v1/console/settings')), 'settings');
  const [draft, setDraft] = useState<WorkflowSettings | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (state.status === 'ready') {
      setDraft(state.data);
    }
  }, [state]);

  const toggle = (list: List, type: RequestType, on: boolean) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, [list]: on ? [...current[list], type] : current[list].filter((t) => t !== type) } : current));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) {
      return;
    }
    setBusy(true);
    setProblems([]);
    setFailure(null);
    setSaved(false);
    try {
      setDraft(await call(api.PUT('/api/v1/console/settings', { body: draft })));
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setProblems(problemsFrom(error, draft, m, (t) => words.typesShort[t]));
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.id === id)?.message;

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      <section aria-labelledby="settings-rules-title">
        <h2 id="settings-rules-title">{m.rules.heading}</h2>
        <ul className="settings-rules">
          <li>{m.rules.autoApprove}</li>
          <li>{m.rules.fourEyes}</li>
          <li>{m.rules.child}</li>
          <li>{m.rules.notBoth}</li>
        </ul>
      </section>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
      {draft ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary problems={problems} />
          {failure ? <ProblemNotice error={failure} /> : null}
          {saved ? <Notice tone="success">{m.saved}</Notice> : null}
          <div className="table-scroll" tabIndex={0} role="group" aria-label={m.table.caption}>
            <table className="settings-table">
              <caption>{m.table.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.table.type}</th>
                  <th scope="col">{m.table.autoApprove}</th>
                  <th scope="col">{m.table.fourEyes}</th>
                </tr>
              </thead>
              <tbody>
                {REQUEST_TYPES.map((type) => {
                  const word = words.typesShort[type];
                  return (
                    <tr key={type}>
                      <th scope="row">{word}</th>
                      {(['autoApprove', 'fourEyes'] as const).map((list) => {
                        const id = boxId(list, type);
                        const error = errorOf(id);
                        const childAuto = list === 'autoApprove' && type === 'child_data_removal' && !draft.autoApprove.includes(type);
                        return (
                          <td key={list} className={error ? 'field-error' : undefined}>
                            {error ? (
                              <p id={`${id}-error`} className="error-message">
                                {error}
                              </p>
                            ) : null}
                            <div className="choice">
                              <input
                                type="checkbox"
                                id={id}
                                checked={draft[list].includes(type)}
                                disabled={childAuto}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={[error ? `${id}-error` : null, childAuto ? `${id}-note` : null].filter(Boolean).join(' ') || undefined}
                                onChange={(e) => toggle(list, type, e.target.checked)}
                              />
                              <label htmlFor={id}>
                                {list === 'autoApprove' ? m.table.autoApprove : m.table.fourEyes}
                                <span className="visually-hidden">: {word}</span>
                              </label>
                            </div>
                            {childAuto ? (
                              <p id={`${id}-note`} className="hint">
                                {m.table.childNever}
                              </p>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {m.save}
            </button>
          </div>
        </form>
      ) : null}
    </ConsolePage>
  );
}
