import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { useConsoleCall } from '../use-console-call';
import type { ApiKeyScope, ApiKeyView } from './admin-types';
import { apiKeysMessages } from './api-keys.messages';

const IDS: Record<string, string> = { name: 'api-key-name', scopes: 'api-key-scope-0' };

export function ApiKeyCreateForm({ onCreated }: { onCreated(apiKey: ApiKeyView, key: string): void }) {
  const m = useMessages(apiKeysMessages);
  const call = useConsoleCall();
  // The scopes are the dictionary's keys, which the type-check ties to the api's own list.
  const allScopes = Object.keys(m.scopes) as ApiKeyScope[];
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (id: string) => problems.find((p) => p.id === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!name.trim()) {
      found.push({ id: 'api-key-name', message: m.create.nameRequired });
    }
    if (scopes.length === 0) {
      found.push({ id: 'api-key-scope-0', message: m.create.scopeRequired });
    }
    setProblems(found);
    setFailure(null);
    if (found.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const answer = await call(api.POST('/api/v1/console/api-keys', { body: { name: name.trim(), scopes } }));
      setName('');
      setScopes([]);
      onCreated(answer.apiKey, answer.key);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.body.fieldErrors?.length) {
        setProblems(error.body.fieldErrors.map((p) => ({ id: IDS[p.path.split('.')[0]] ?? 'api-key-name', message: p.message })));
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const scopeError = errorFor('api-key-scope-0');
  return (
    <section aria-labelledby="api-key-create-title">
      <h2 id="api-key-create-title">{m.create.heading}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} />
        {failure ? <ProblemNotice error={failure} /> : null}
        <Field id="api-key-name" label={m.create.name} hint={m.create.nameHint} error={errorFor('api-key-name')} required>
          {(describedBy, invalid) => <TextInput id="api-key-name" type="text" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="off" />}
        </Field>
        <fieldset className={scopeError ? 'field field-error' : 'field'} aria-describedby={scopeError ? 'api-key-scopes-error' : undefined}>
          <legend>{m.create.scopes}</legend>
          {scopeError ? (
            <p id="api-key-scopes-error" className="error-message">
              {scopeError}
            </p>
          ) : null}
          {allScopes.map((scope, index) => (
            <div className="choice" key={scope}>
              <input
                type="checkbox"
                id={`api-key-scope-${index}`}
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes((current) => (e.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))}
                aria-describedby={`api-key-scope-${index}-hint`}
              />
              <label htmlFor={`api-key-scope-${index}`}>
                {m.scopes[scope].label} <code>{scope}</code>
                <span id={`api-key-scope-${index}-hint`} className="hint choice-hint">
                  {m.scopes[scope].hint}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {m.create.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
