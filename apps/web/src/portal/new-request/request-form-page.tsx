import { type FormEvent, useMemo, useState } from 'react';
import { type FieldError, intakeFieldErrors, intakeSchema, type RequestType } from '@rightsdesk/domain';
import { api, ApiError, unwrap } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { ErrorSummary } from '../../components/form';
import { Page } from '../../components/page';
import { useLocale, useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { ChildFields } from './child-fields';
import { ContactFields } from './contact-fields';
import { emptyIntakeForm, intakeDraft, type IntakeFormState, type IntakeSectionProps } from './intake-form-state';
import { intakeProblemMessages } from './intake-problems.messages';
import { intakeProblems } from './intake-problems';
import { LocationFields } from './location-fields';
import { NoteField } from './note-field';
import { OptOutFields } from './opt-out-fields';
import { RectificationFields } from './rectification-fields';
import { requestFormMessages } from './request-form.messages';

// One form per request type. On submit the draft is checked with the server's own schema
// (intakeSchema) and its errors shown in the page's language; the server's 422 field errors, should
// it still refuse, are shown the same way.
export function RequestFormPage({ type }: { type: RequestType }) {
  const { locale } = useLocale();
  const { navigate } = useRouter();
  const m = useMessages(requestFormMessages);
  const problemText = useMessages(intakeProblemMessages);
  const [form, setForm] = useState<IntakeFormState>(emptyIntakeForm);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const problems = useMemo(() => intakeProblems(errors, problemText), [errors, problemText]);
  const summary = useMemo(() => problems.map((problem) => ({ id: problem.id, message: problem.summary })), [problems]);
  const errorFor = (path: string) => problems.find((problem) => problem.path === path)?.message;

  const update = (patch: Partial<IntakeFormState>) => {
    // Errors name corrections by their position: once rows move, the old ones point at the wrong row.
    if (patch.corrections && patch.corrections.length !== form.corrections.length) {
      setErrors([]);
    }
    setForm((current) => ({ ...current, ...patch }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) {
      return;
    }
    setFailure(null);
    const parsed = intakeSchema.safeParse(intakeDraft(type, form, locale));
    if (!parsed.success) {
      setErrors(intakeFieldErrors(parsed.error));
      return;
    }
    setErrors([]);
    setSending(true);
    try {
      const receipt = await unwrap(api.POST('/api/v1/requests', { body: parsed.data }));
      // A sale/sharing-only opt-out needs no confirmation: the page says it is done instead.
      const query = { ref: receipt.reference, ...(receipt.status === 'approved' ? { done: 'opt-out' } : {}) };
      navigate(`/requests/check-email?${new URLSearchParams(query).toString()}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.body.fieldErrors?.length) {
        setErrors(error.body.fieldErrors);
      } else {
        setFailure(error);
      }
    } finally {
      setSending(false);
    }
  }

  const section: IntakeSectionProps = { form, update, errorFor };
  return (
    <Page title={m.title[type]}>
      <p className="lead">{m.intro[type]}</p>
      <ErrorSummary problems={summary} />
      {failure ? failure instanceof ApiError && failure.status === 429 ? <Notice tone="error">{m.rateLimited}</Notice> : <ProblemNotice error={failure} /> : null}
      <form id="request-form" className="request-form" tabIndex={-1} noValidate onSubmit={(event) => void submit(event)}>
        <h2>{m.aboutYou}</h2>
        <ContactFields {...section} />
        <LocationFields type={type} {...section} />
        {type === 'access' || type === 'erasure' ? <NoteField kind={type} {...section} /> : null}
        {type === 'rectification' ? <RectificationFields {...section} /> : null}
        {type === 'opt_out' ? <OptOutFields {...section} /> : null}
        {type === 'child_data_removal' ? (
          <>
            <ChildFields {...section} />
            <NoteField kind="child_data_removal" {...section} />
          </>
        ) : null}
        <p className="hint">{m.languageNote}</p>
        <div className="actions">
          <button type="submit" disabled={sending}>
            {sending ? m.sending : m.submit}
          </button>
        </div>
      </form>
    </Page>
  );
}
