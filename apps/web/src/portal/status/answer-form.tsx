import { type FormEvent, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, TextArea } from '../../components/form';
import { useLocale, useMessages } from '../../i18n/locale';
import { usePrivacyCenterSettings } from '../privacy-center-settings';
import { type AnswerProblems, answerProblemsFrom, checkAnswer, formatBytes } from './answer-checks';
import { answerMessages } from './answer.messages';
import { sendAnswer } from './request-status-api';

const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

// The answer to the team's question, with files (proof of age, an ID document): checked in the
// browser as the server will check it, then sent as one multipart form with the status token.
export function AnswerForm({ reference, token, onAnswered }: { reference: string; token: string; onAnswered: () => void }) {
  const { locale } = useLocale();
  const m = useMessages(answerMessages);
  const settings = usePrivacyCenterSettings();
  const limits = settings?.replies ?? null;
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<AnswerProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const summary = useMemo(
    () => [problems.message ? { id: 'answer-message', message: problems.message } : null, problems.files ? { id: 'answer-files', message: problems.files } : null].filter((p) => p !== null),
    [problems],
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) {
      return;
    }
    const files = Array.from(fileInput.current?.files ?? []);
    setFailure(null);
    const found = checkAnswer(message, files, limits, m, locale);
    setProblems(found);
    if (found.message || found.files) {
      return;
    }
    setSending(true);
    try {
      await sendAnswer(reference, token, message, files);
      onAnswered();
    } catch (error) {
      const fromServer = error instanceof ApiError && error.body.fieldErrors?.length ? answerProblemsFrom(error.body.fieldErrors, files, limits, m, locale) : {};
      if (fromServer.message || fromServer.files) {
        setProblems(fromServer);
      } else {
        setFailure(error);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="answer-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary problems={summary} />
      {failure ? <AnswerFailure error={failure} /> : null}
      <Field id="answer-message" label={m.message} hint={m.messageHint} error={problems.message}>
        {(describedBy, invalid) => (
          <TextArea
            id="answer-message"
            name="message"
            rows={6}
            maxLength={limits?.messageMaxLength}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            aria-describedby={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
      <Field id="answer-files" label={m.files} hint={m.filesHint(limits?.maxFiles ?? null, limits ? formatBytes(limits.maxBytes, locale) : null)} error={problems.files}>
        {(describedBy, invalid) => <input id="answer-files" name="files" type="file" multiple accept={ACCEPT} ref={fileInput} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={sending}>
          {sending ? m.sending : m.send}
        </button>
      </div>
    </form>
  );
}

function AnswerFailure({ error }: { error: unknown }) {
  const m = useMessages(answerMessages);
  if (error instanceof ApiError) {
    if (error.status === 409) {
      return <Notice tone="error">{m.notWaiting}</Notice>;
    }
    if (error.status === 429) {
      return <Notice tone="error">{m.rateLimited}</Notice>;
    }
    if (error.status === 400 || error.status === 413 || error.status === 415) {
      return <Notice tone="error">{m.formProblem}</Notice>;
    }
  }
  return <ProblemNotice error={error} />;
}
