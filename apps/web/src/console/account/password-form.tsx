import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { useSession } from '../session';
import { accountMessages } from './account.messages';

// The api's minimum (it decides; this only saves a round trip).
const MIN_LENGTH = 12;

export function PasswordForm() {
  const m = useMessages(accountMessages).password;
  const { expired } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorFor = (id: string) => problems.find((p) => p.id === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!current) {
      found.push({ id: 'password-current', message: m.currentRequired });
    }
    if (next.length < MIN_LENGTH) {
      found.push({ id: 'password-new', message: m.tooShort });
    } else if (next !== again) {
      found.push({ id: 'password-again', message: m.mismatch });
    }
    setProblems(found);
    setFailure(null);
    setDone(false);
    if (found.length > 0) {
      return;
    }
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/console/me/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (error) {
      // A wrong current password is a 401 too (login_failed); only another 401 means the session ended.
      if (error instanceof ApiError && error.code === 'login_failed') {
        setProblems([{ id: 'password-current', message: m.currentWrong }]);
      } else if (error instanceof ApiError && error.status === 401) {
        expired();
      } else if (error instanceof ApiError && error.status === 422 && error.body.fieldErrors?.length) {
        setProblems(error.body.fieldErrors.map((p) => ({ id: p.path === 'currentPassword' ? 'password-current' : 'password-new', message: p.message })));
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{m.heading}</h2>
      <p>{m.intro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} />
        {failure ? <ProblemNotice error={failure} /> : null}
        {done ? <Notice tone="success">{m.changed}</Notice> : null}
        <Field id="password-current" label={m.current} error={errorFor('password-current')} required>
          {(describedBy, invalid) => <TextInput id="password-current" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="current-password" />}
        </Field>
        <Field id="password-new" label={m.next} hint={m.nextHint} error={errorFor('password-new')} required>
          {(describedBy, invalid) => <TextInput id="password-new" type="password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="new-password" />}
        </Field>
        <Field id="password-again" label={m.confirm} error={errorFor('password-again')} required>
          {(describedBy, invalid) => <TextInput id="password-again" type="password" value={again} onChange={(e) => setAgain(e.target.value)} aria-describedby={describedBy} invalid={invalid} autoComplete="new-password" />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {m.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
