import { Field, TextArea } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import type { IntakeSectionProps } from './intake-form-state';
import { requestFormMessages } from './request-form.messages';

export function NoteField({ kind, form, update, errorFor }: IntakeSectionProps & { kind: 'access' | 'erasure' | 'child_data_removal' }) {
  const m = useMessages(requestFormMessages);
  return (
    <Field id="note" label={m.noteLabel[kind]} hint={m.noteHint[kind]} error={errorFor('details.note')}>
      {(describedBy, invalid) => (
        <TextArea id="note" name="note" rows={4} maxLength={2000} value={form.note} onChange={(event) => update({ note: event.target.value })} aria-describedby={describedBy} invalid={invalid} />
      )}
    </Field>
  );
}
