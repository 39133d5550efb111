import { CHILD_RELATIONSHIPS } from '@rightsdesk/domain';
import { Field, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Choice, FieldGroup } from '../../components/field-group';
import type { IntakeFormState, IntakeSectionProps } from './intake-form-state';
import { requestFormMessages } from './request-form.messages';

type ChildKey = keyof IntakeFormState['child'];

// 16 CFR 312.6: the company must be able to tell which child is meant, so at least one identifier.
export function ChildFields({ form, update, errorFor }: IntakeSectionProps) {
  const m = useMessages(requestFormMessages);
  const setChild = (key: ChildKey, value: string) => update({ child: { ...form.child, [key]: value } });
  const identifiers: Array<{ key: ChildKey; id: string; label: string; type: string; max?: number }> = [
    { key: 'name', id: 'child-name', label: m.childName, type: 'text', max: 200 },
    { key: 'email', id: 'child-email', label: m.childEmail, type: 'email' },
    { key: 'username', id: 'child-username', label: m.childUsername, type: 'text', max: 100 },
    { key: 'dateOfBirth', id: 'child-date-of-birth', label: m.childDateOfBirth, type: 'date' },
  ];
  return (
    <>
      <FieldGroup id="child" legend={m.childLegend} hint={m.childHint} error={errorFor('details.child')} required>
        {identifiers.map(({ key, id, label, type, max }) => (
          <Field key={key} id={id} label={label} error={errorFor(`details.child.${key}`)}>
            {(describedBy, invalid) => (
              <TextInput
                id={id}
                type={type}
                maxLength={max}
                autoComplete="off"
                spellCheck={type === 'text' ? undefined : false}
                value={form.child[key]}
                onChange={(event) => setChild(key, event.target.value)}
                aria-describedby={describedBy}
                invalid={invalid}
              />
            )}
          </Field>
        ))}
      </FieldGroup>
      <FieldGroup id="relationship" legend={m.relationshipLegend} error={errorFor('details.relationship')} required>
        {CHILD_RELATIONSHIPS.map((relationship) => (
          <Choice
            key={relationship}
            id={`relationship-${relationship}`}
            type="radio"
            name="relationship"
            value={relationship}
            label={m.relationship[relationship]}
            checked={form.relationship === relationship}
            onChange={() => update({ relationship })}
          />
        ))}
      </FieldGroup>
      <Field id="child-age" label={m.childAge} hint={m.childAgeHint} error={errorFor('details.childAge')} required>
        {(describedBy, invalid) => (
          <TextInput
            id="child-age"
            name="childAge"
            type="text"
            inputMode="numeric"
            className="input-short"
            autoComplete="off"
            value={form.childAge}
            onChange={(event) => update({ childAge: event.target.value })}
            aria-describedby={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
    </>
  );
}
