import { CHILD_RELATIONSHIPS, OPT_OUT_CHANNELS } from '@rightsdesk/domain';
import { Field, TextArea, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Choice, FieldGroup } from '../../components/field-group';
import type { LoggedRequestDraft } from './logged-request-draft';
import { newRequestMessages } from './new-request.messages';

interface DetailsProps {
  draft: LoggedRequestDraft;
  errorFor(id: string): string | undefined;
  change(update: Partial<LoggedRequestDraft>): void;
}

// The fields each type of request takes, as the privacy center asks them.
export function RequestDetailsFields({ draft, errorFor, change }: DetailsProps) {
  const m = useMessages(newRequestMessages);
  const text = (id: string, label: string, value: string, onChange: (value: string) => void, options: { hint?: string; type?: string; required?: boolean; inputMode?: 'numeric' } = {}) => (
    <Field id={id} label={label} hint={options.hint} required={options.required ?? false} error={errorFor(id)}>
      {(describedBy, invalid) => (
        <TextInput id={id} type={options.type ?? 'text'} inputMode={options.inputMode} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} invalid={invalid} />
      )}
    </Field>
  );
  const note = (
    <Field id="log-details-note" label={m.note} hint={m.noteHint} error={errorFor('log-details-note')}>
      {(describedBy, invalid) => <TextArea id="log-details-note" rows={3} value={draft.note} onChange={(e) => change({ note: e.target.value })} aria-describedby={describedBy} invalid={invalid} />}
    </Field>
  );
  switch (draft.type) {
    case 'access':
    case 'erasure':
      return note;
    case 'rectification':
      return (
        <>
          <fieldset className="field">
            <legend>{m.corrections}</legend>
            {draft.corrections.map((correction, index) => {
              const update = (patch: Partial<typeof correction>) => change({ corrections: draft.corrections.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
              const prefix = `log-details-corrections-${index}`;
              return (
                <fieldset key={index} className="correction">
                  <legend>{m.correction(index + 1)}</legend>
                  {text(`${prefix}-field`, m.field, correction.field, (field) => update({ field }), { hint: m.fieldHint, required: true })}
                  {text(`${prefix}-currentValue`, m.currentValue, correction.currentValue, (currentValue) => update({ currentValue }))}
                  {text(`${prefix}-newValue`, m.newValue, correction.newValue, (newValue) => update({ newValue }), { required: true })}
                  {draft.corrections.length > 1 ? (
                    <button type="button" className="secondary" onClick={() => change({ corrections: draft.corrections.filter((_, i) => i !== index) })}>
                      {m.removeCorrection(index + 1)}
                    </button>
                  ) : null}
                </fieldset>
              );
            })}
            {draft.corrections.length < 20 ? (
              <button type="button" className="secondary" onClick={() => change({ corrections: [...draft.corrections, { field: '', currentValue: '', newValue: '' }] })}>
                {m.addCorrection}
              </button>
            ) : null}
          </fieldset>
          <Field id="log-details-explanation" label={m.explanation} required error={errorFor('log-details-explanation')}>
            {(describedBy, invalid) => (
              <TextArea id="log-details-explanation" rows={3} value={draft.explanation} onChange={(e) => change({ explanation: e.target.value })} aria-describedby={describedBy} invalid={invalid} />
            )}
          </Field>
        </>
      );
    case 'opt_out':
      return (
        <FieldGroup required id="log-details-channels" legend={m.channels} hint={m.channelsHint} error={errorFor('log-details-channels-email')}>
          {OPT_OUT_CHANNELS.map((channel) => (
            <Choice
              key={channel}
              id={`log-details-channels-${channel}`}
              type="checkbox"
              name="channels"
              checked={draft.channels.includes(channel)}
              label={m.optOutChannels[channel]}
              onChange={(event) => change({ channels: event.target.checked ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel) })}
            />
          ))}
        </FieldGroup>
      );
    case 'child_data_removal':
      return (
        <>
          <fieldset className="field">
            <legend>{m.child}</legend>
            <p className="hint">{m.childHint}</p>
            {text('log-details-child-name', m.childName, draft.child.name, (name) => change({ child: { ...draft.child, name } }))}
            {text('log-details-child-email', m.childEmail, draft.child.email, (email) => change({ child: { ...draft.child, email } }), { type: 'email' })}
            {text('log-details-child-username', m.childUsername, draft.child.username, (username) => change({ child: { ...draft.child, username } }))}
            {text('log-details-child-dateOfBirth', m.childBirth, draft.child.dateOfBirth, (dateOfBirth) => change({ child: { ...draft.child, dateOfBirth } }), { type: 'date', hint: m.childBirthHint })}
          </fieldset>
          <FieldGroup required id="log-details-relationship" legend={m.relationship} error={errorFor('log-details-relationship-parent')}>
            {CHILD_RELATIONSHIPS.map((relationship) => (
              <Choice
                key={relationship}
                id={`log-details-relationship-${relationship}`}
                type="radio"
                name="relationship"
                checked={draft.relationship === relationship}
                label={m.relationships[relationship]}
                onChange={() => change({ relationship })}
              />
            ))}
          </FieldGroup>
          {text('log-details-childAge', m.childAge, draft.childAge, (childAge) => change({ childAge }), { hint: m.childAgeHint, required: true, inputMode: 'numeric' })}
          {note}
        </>
      );
  }
}
