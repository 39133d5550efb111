import { type FormEvent, useEffect, useState } from 'react';
import { api, ApiError, type ApiErrorBody } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, TextInput } from '../../components/form';
import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { consoleShellMessages } from '../console.messages';
import { useSession } from '../session';
import { safeNext } from './safe-next';
import { signInMessages } from './sign-in.messages';

type Step = 'password' | 'code';

function minutesFrom(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

// Email and password, then — when the account has a second factor — the authenticator's code. The
// password stays in memory between the two steps: the api wants both in one call.
export function SignInPage({ next }: { next: string }) {
  const m = useMessages(signInMessages);
  const shell = useMessages(consoleShellMessages);
  const { state, signedIn } = useSession();
  const { location, navigate } = useRouter();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ended = state.status === 'signed-out' && state.ended;

  useEffect(() => {
    if (step === 'code') {
      document.getElementById('sign-in-code')?.focus();
    }
  }, [step]);

  const errorFor = (id: string) => problems.find((p) => p.id === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (step === 'password') {
      if (!email.trim()) {
        found.push({ id: 'sign-in-email', message: m.emailRequired });
      }
      if (!password) {
        found.push({ id: 'sign-in-password', message: m.passwordRequired });
      }
    } else if (!/^\d{6}$/.test(code.trim())) {
      found.push({ id: 'sign-in-code', message: m.codeInvalid });
    }
    setProblems(found);
    setBlocked(null);
    setFailure(null);
    if (found.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/console/session', {
        body: { email: email.trim(), password, ...(step === 'code' ? { totpCode: code.trim() } : {}) },
      });
      if (data) {
        signedIn(data.officer, data.enrolmentOnly);
        if (data.enrolmentOnly) {
          // An admin who must set up a second factor first: the account page is all they may use.
          navigate('/console/account', { replace: true });
        } else if (location.path === '/console/sign-in') {
          navigate(safeNext(next), { replace: true });
        }
        return;
      }
      const body = error as ApiErrorBody | undefined;
      switch (body?.code) {
        case 'second_factor_required':
          if (step === 'password') {
            setStep('code');
          } else {
            setProblems([{ id: 'sign-in-code', message: m.wrongCode }]);
          }
          break;
        case 'login_failed':
          setProblems(step === 'code' ? [{ id: 'sign-in-code', message: m.wrongCode }] : [{ id: 'sign-in-password', message: m.wrongPassword }]);
          setPassword(step === 'code' ? password : '');
          break;
        case 'account_locked':
          setBlocked(m.locked(minutesFrom(response)));
          break;
        case 'rate_limited':
          setBlocked(m.rateLimited(minutesFrom(response)));
          break;
        default:
          setFailure(new ApiError(response.status, body ?? { code: 'unknown_error', message: response.statusText }));
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={step === 'password' ? m.title : m.codeTitle} home="/console">
      {ended ? <Notice tone="warning">{shell.sessionEnded}</Notice> : null}
      {blocked ? (
        <Notice tone="error" title={m.lockedTitle}>
          <p>{blocked}</p>
        </Notice>
      ) : null}
      {failure ? <ProblemNotice error={failure} /> : null}
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={(event) => void submit(event)} className="sign-in-form">
        {step === 'password' ? (
          <>
            <p>{m.intro}</p>
            <Field id="sign-in-email" label={m.email} required error={errorFor('sign-in-email')}>
              {(describedBy, invalid) => (
                <TextInput
                  id="sign-in-email"
                  type="email"
                  name="email"
                  autoComplete="username"
                  spellCheck={false}
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  aria-describedby={describedBy}
                  invalid={invalid}
                  required
                />
              )}
            </Field>
            <Field id="sign-in-password" label={m.password} required error={errorFor('sign-in-password')}>
              {(describedBy, invalid) => (
                <TextInput
                  id="sign-in-password"
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-describedby={describedBy}
                  invalid={invalid}
                  required
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {m.submit}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>{m.codeIntro}</p>
            <Field id="sign-in-code" label={m.code} hint={m.codeHint} required error={errorFor('sign-in-code')}>
              {(describedBy, invalid) => (
                <TextInput
                  id="sign-in-code"
                  type="text"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  className="input-code"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  aria-describedby={describedBy}
                  invalid={invalid}
                  required
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {m.verify}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setStep('password');
                  setCode('');
                  setPassword('');
                  setProblems([]);
                }}
              >
                {m.startAgain}
              </button>
            </div>
          </>
        )}
      </form>
    </Page>
  );
}
