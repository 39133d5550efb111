import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, TextInput } from '../../components/form';
import { ShownOnce } from '../../components/shown-once';
import { useMessages } from '../../i18n/locale';
import { useOfficer, useSession } from '../session';
import { useConsoleCall } from '../use-console-call';
import { accountMessages } from './account.messages';

/** A base32 secret in groups of four, as people type it into an app. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

type Setup = { secret: string; otpauthUri: string };

// TOTP, set up without a QR library or service: the secret to type and the otpauth:// address to
// copy, then a code from the app to prove it works; turned off with a current code.
export function SecondFactor({ onEnabled }: { onEnabled(): void }) {
  const m = useMessages(accountMessages).totp;
  const officer = useOfficer();
  const { signedIn } = useSession();
  const call = useConsoleCall();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The session's officer (totpEnabled) and, after enrolment, the full console.
  const refreshSession = async () => {
    const { officer: fresh } = await unwrap(api.GET('/api/v1/console/session'));
    signedIn(fresh, false);
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setProblems([{ id: 'totp-code', message: m.codeWrong }]);
      } else if (error instanceof ApiError && error.code === 'forbidden') {
        setMessage(m.adminsMustKeep);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };
  const checkCode = (): boolean => {
    const ok = /^\d{6}$/.test(code.trim());
    setProblems(ok ? [] : [{ id: 'totp-code', message: m.codeInvalid }]);
    return ok;
  };
  const start = () =>
    run(async () => {
      setSetup(await call(api.POST('/api/v1/console/me/totp')));
      setCode('');
      setProblems([]);
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!checkCode()) {
      return;
    }
    void run(async () => {
      await call(api.POST('/api/v1/console/me/totp/confirm', { body: { code: code.trim() } }));
      setSetup(null);
      setCode('');
      await refreshSession();
      setMessage(m.enabled);
      onEnabled();
    });
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    if (!checkCode()) {
      return;
    }
    void run(async () => {
      await call(api.POST('/api/v1/console/me/totp/disable', { body: { code: code.trim() } }));
      setCode('');
      await refreshSession();
      setMessage(m.disabled);
    });
  };

  const codeField = (
    <Field id="totp-code" label={m.code} hint={m.codeHint} error={problems.find((p) => p.id === 'totp-code')?.message} required>
      {(describedBy, invalid) => (
        <TextInput id="totp-code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={describedBy} invalid={invalid} className="code-input" />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{m.heading}</h2>
      <p className="totp-state">
        <strong>{officer.totpEnabled ? m.on : m.off}</strong>
      </p>
      {message ? <Notice tone={message === m.adminsMustKeep ? 'warning' : 'success'}>{message}</Notice> : null}
      {failure ? <ProblemNotice error={failure} /> : null}
      {officer.totpEnabled ? (
        <form onSubmit={disable} noValidate aria-labelledby="totp-disable-title">
          <h3 id="totp-disable-title">{m.disableHeading}</h3>
          <p>{m.disableIntro}</p>
          <ErrorSummary problems={problems} />
          {codeField}
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              {m.disable}
            </button>
          </div>
        </form>
      ) : setup ? (
        <>
          <p>{m.step1}</p>
          <ShownOnce label={m.secretLabel} value={setup.secret} display={groupedSecret(setup.secret)} hint={m.secretHint} copyLabel={m.copySecret} copiedLabel={m.copied} />
          <ShownOnce label={m.uriLabel} value={setup.otpauthUri} hint={m.uriHint} copyLabel={m.copyUri} copiedLabel={m.copied} long />
          <form onSubmit={confirm} noValidate>
            <p>{m.step2}</p>
            <ErrorSummary problems={problems} />
            {codeField}
            <div className="actions">
              <button type="submit" disabled={busy}>
                {m.confirm}
              </button>
            </div>
          </form>
        </>
      ) : (
        <>
          <p>{m.intro}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void start()}>
              {m.start}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
