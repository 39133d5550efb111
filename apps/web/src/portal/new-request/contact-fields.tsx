import { Field, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import type { IntakeSectionProps } from './intake-form-state';
import { requestFormMessages } from './request-form.messages';

export function ContactFields({ form, update, errorFor }: IntakeSectionProps) {
  const m = useMessages(requestFormMessages);
  return (
    <>
      <Field id="email" label={m.email} hint={m.emailHint} error={errorFor('email')} required>
        {(describedBy, invalid) => (
          <TextInput
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={form.email}
            onChange={(event) => update({ email: event.target.value })}
            aria-describedby={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
      <Field id="name" label={m.name} hint={m.nameHint} error={errorFor('name')}>
        {(describedBy, invalid) => (
          <TextInput id="name" name="name" type="text" autoComplete="name" value={form.name} onChange={(event) => update({ name: event.target.value })} aria-describedby={describedBy} invalid={invalid} />
        )}
      </Field>
    </>
  );
}
