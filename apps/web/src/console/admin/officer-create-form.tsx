import { type FormEvent, useState } from 'react';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { api, ApiError } from '../../api/client';
import { ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, Select, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { useConsoleCall } from '../use-console-call';
import type { OfficerRoleName, OfficerView } from './admin-types';
import { officersMessages } from './officers.messages';

// A light check before the api's own (which decides): something@something.something.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const IDS: Record<string, string> = { displayName: 'officer-name', email: 'officer-email', role: 'officer-role' };

// A new account: the api generates the password and returns it once; the page shows it.
export function OfficerCreateForm({ onCreated }: { onCreated(officer: OfficerView, password: string): void }) {
  const m = useMessages(officersMessages);
  const call = useConsoleCall();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OfficerRoleName>('officer');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (id: string) => problems.find((p) => p.id === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!name.trim()) {
      found.push({ id: 'officer-name', message: m.create.nameRequired });
    }
    if (!EMAIL.test(email.trim())) {
      found.push({ id: 'officer-email', message: m.create.emailInvalid });
    }
    setProblems(found);
    setFailure(null);
    if (found.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const answer = await call(api.POST('/api/v1/console/officers', { body: { email: email.trim(), displayName: name.trim(), role } }));
      setName('');
      setEmail('');
      setRole('officer');
      onCreated(answer.officer, answer.password ?? '');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        setProblems([{ id: 'officer-email', message: m.create.emailTaken }]);
      } else if (error instanceof ApiError && error.status === 422 && error.body.fieldErrors?.length) {
        setProblems(error.body.fieldErrors.map((p) => ({ id: IDS[p.path] ?? 'officer-email', message: p.message })));
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="officer-create-title">
      <h2 id="officer-create-title">{m.create.heading}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} />
        {failure ? <ProblemNotice error={failure} /> : null}
        <Field id="officer-name" label={m.create.name} error={errorFor('officer-name')} required>
          {(describedBy, invalid) => <TextInput id="officer-name" type="text" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="off" />}
        </Field>
        <Field id="officer-email" label={m.create.email} error={errorFor('officer-email')} required>
          {(describedBy, invalid) => (
            <TextInput id="officer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <Field id="officer-role" label={m.create.role} hint={m.create.roleHint} error={errorFor('officer-role')} required>
          {(describedBy, invalid) => (
            <Select id="officer-role" value={role} onChange={(e) => setRole(e.target.value as OfficerRoleName)} aria-describedby={describedBy} invalid={invalid}>
              {OFFICER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {m.roleDescriptions[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {m.create.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
