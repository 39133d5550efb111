import { type FormEvent, useState } from 'react';
import { type FieldError, LOGGED_CHANNELS, REQUEST_TYPES } from '@rightsdesk/domain';
import { api, ApiError } from '../../api/client';
import { ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, Select, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import { requestVocabulary } from '../request-vocabulary.messages';
import { useConsoleCall } from '../use-console-call';
import { Choice, FieldGroup } from '../../components/field-group';
import { bodyOf, emptyDraft, type LoggedRequestDraft, problemsFrom, validateDraft } from './logged-request-draft';
import { newRequestMessages } from './new-request.messages';
import { RequestDetailsFields } from './request-details-fields';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

// A request that came by letter, phone or email, typed in with the day it arrived. Validated with
// the privacy center's own schema before it is sent; the api checks again and its field errors
// land on the same controls.
export function NewRequestPage() {
  const m = useMessages(newRequestMessages);
  const words = useMessages(requestVocabulary);
  const { navigate } = useRouter();
  const call = useConsoleCall();
  const [today] = useState(todayUtc);
  const [draft, setDraft] = useState<LoggedRequestDraft>(() => emptyDraft(today));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const change = (update: Partial<LoggedRequestDraft>) => setDraft((d) => ({ ...d, ...update }));
  const errorFor = (id: string) => problems.find((p) => p.id === id)?.message;

  const labelFor = (path: string): string => {
    const correction = /^details\.corrections\.(\d+)\.(field|currentValue|newValue)$/.exec(path);
    if (correction) {
      const part = correction[2] === 'field' ? m.field : correction[2] === 'currentValue' ? m.currentValue : m.newValue;
      return `${m.correction(Number(correction[1]) + 1)}, ${part}`;
    }
    const labels: Record<string, string> = {
      type: m.type,
      email: m.email,
      name: m.name,
      country: m.country,
      region: m.region,
      language: m.language,
      receivedOn: m.receivedOn,
      channel: m.channel,
      'details.note': m.note,
      'details.corrections': m.corrections,
      'details.explanation': m.explanation,
      'details.channels': m.channels,
      'details.child': m.child,
      'details.child.name': m.childName,
      'details.child.email': m.childEmail,
      'details.child.username': m.childUsername,
      'details.child.dateOfBirth': m.childBirth,
      'details.relationship': m.relationship,
      'details.childAge': m.childAge,
    };
    return labels[path] ?? path;
  };
  const show = (errors: FieldError[]) => setProblems(problemsFrom(errors, { m, labelFor }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = validateDraft(draft, today);
    show(errors);
    if (errors.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const logged = await call(api.POST('/api/v1/console/requests', { body: bodyOf(draft) }));
      navigate(`/console/requests/${logged.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.body.fieldErrors?.length) {
        show(error.body.fieldErrors);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const text = (id: string, label: string, value: string, onChange: (value: string) => void, options: { hint?: string; type?: string; required?: boolean; autoComplete?: string } = {}) => (
    <Field id={id} label={label} hint={options.hint} required={options.required ?? false} error={errorFor(id)}>
      {(describedBy, invalid) => (
        <TextInput id={id} type={options.type ?? 'text'} autoComplete={options.autoComplete ?? 'off'} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} invalid={invalid} />
      )}
    </Field>
  );

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      {failure ? <ProblemNotice error={failure} /> : null}
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={(e) => void submit(e)} className="logged-request-form">
        <h2>{m.howHeading}</h2>
        <FieldGroup required id="log-channel" legend={m.channel} error={errorFor('log-channel-post')}>
          {LOGGED_CHANNELS.map((channel) => (
            <Choice key={channel} id={`log-channel-${channel}`} type="radio" name="channel" checked={draft.channel === channel} label={words.loggedChannels[channel]} onChange={() => change({ channel })} />
          ))}
        </FieldGroup>
        {text('log-receivedOn', m.receivedOn, draft.receivedOn, (receivedOn) => change({ receivedOn }), { type: 'date', hint: m.receivedOnHint, required: true })}
        <div className="choice field">
          <input id="log-identityVerified" type="checkbox" checked={draft.identityVerified} onChange={(e) => change({ identityVerified: e.target.checked })} aria-describedby="log-identityVerified-hint" />
          <label htmlFor="log-identityVerified">{m.identityVerified}</label>
        </div>
        <p id="log-identityVerified-hint" className="hint">
          {m.identityVerifiedHint}
        </p>

        <h2>{m.whatHeading}</h2>
        <FieldGroup required id="log-type" legend={m.type} error={errorFor('log-type-access')}>
          {REQUEST_TYPES.map((type) => (
            <Choice key={type} id={`log-type-${type}`} type="radio" name="type" checked={draft.type === type} label={words.types[type]} onChange={() => change({ type })} />
          ))}
        </FieldGroup>

        <h2>{m.whoHeading}</h2>
        {text('log-email', m.email, draft.email, (email) => change({ email }), { type: 'email', hint: m.emailHint, required: true })}
        {text('log-name', m.name, draft.name, (name) => change({ name }))}
        {text('log-country', m.country, draft.country, (country) => change({ country }), { hint: m.countryHint, required: true })}
        {text('log-region', m.region, draft.region, (region) => change({ region }), { hint: m.regionHint })}
        <Field id="log-language" label={m.language} hint={m.languageHint} required>
          {(describedBy) => (
            <Select id="log-language" value={draft.language} onChange={(e) => change({ language: e.target.value === 'de' ? 'de' : 'en' })} aria-describedby={describedBy}>
              <option value="en">{m.languages.en}</option>
              <option value="de" lang="de">
                {m.languages.de}
              </option>
            </Select>
          )}
        </Field>

        <h2>{m.detailsHeading}</h2>
        <RequestDetailsFields draft={draft} errorFor={errorFor} change={change} />

        <div className="actions">
          <button type="submit" disabled={busy}>
            {m.submit}
          </button>
          <Link to="/console/requests" className="button secondary">
            {m.cancel}
          </Link>
        </div>
      </form>
    </ConsolePage>
  );
}
