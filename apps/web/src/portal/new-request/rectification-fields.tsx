import { useEffect, useRef, useState } from 'react';
import { Field, TextArea, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { FieldGroup } from '../../components/field-group';
import { aCorrectionRow, type CorrectionRow, type IntakeSectionProps, MAX_CORRECTIONS } from './intake-form-state';
import { requestFormMessages } from './request-form.messages';

type RowPart = 'field' | 'currentValue' | 'newValue';

// A list of corrections that grows and shrinks: after adding, focus moves to the new row; after
// removing, to the row that took its place (or the add button), so keyboard users never lose their place.
export function RectificationFields({ form, update, errorFor }: IntakeSectionProps) {
  const m = useMessages(requestFormMessages);
  const [focusId, setFocusId] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusId) {
      (document.getElementById(focusId) ?? addButton.current)?.focus();
      setFocusId(null);
    }
  }, [focusId]);

  const rows = form.corrections;
  const setRow = (index: number, part: RowPart, value: string) =>
    update({ corrections: rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)) });
  const add = () => {
    update({ corrections: [...rows, aCorrectionRow()] });
    setFocusId(`correction-${rows.length}-field`);
  };
  const remove = (index: number) => {
    update({ corrections: rows.filter((_, i) => i !== index) });
    setFocusId(index < rows.length - 1 ? `correction-${index}-field` : 'add-correction');
  };

  return (
    <>
      <FieldGroup id="corrections" legend={m.correctionsLegend} hint={m.correctionsHint} error={errorFor('details.corrections')} required>
        {rows.map((row, index) => (
          <CorrectionFields key={row.key} row={row} index={index} canRemove={rows.length > 1} onChange={setRow} onRemove={remove} errorFor={errorFor} />
        ))}
        {rows.length < MAX_CORRECTIONS ? (
          <button type="button" id="add-correction" className="secondary" ref={addButton} onClick={add}>
            {m.addCorrection}
          </button>
        ) : (
          <p className="hint" id="add-correction" tabIndex={-1}>
            {m.maxCorrections(MAX_CORRECTIONS)}
          </p>
        )}
      </FieldGroup>
      <Field id="explanation" label={m.explanation} hint={m.explanationHint} error={errorFor('details.explanation')} required>
        {(describedBy, invalid) => (
          <TextArea
            id="explanation"
            name="explanation"
            rows={4}
            maxLength={2000}
            value={form.explanation}
            onChange={(event) => update({ explanation: event.target.value })}
            aria-describedby={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
    </>
  );
}

interface CorrectionFieldsProps {
  row: CorrectionRow;
  index: number;
  canRemove: boolean;
  onChange: (index: number, part: RowPart, value: string) => void;
  onRemove: (index: number) => void;
  errorFor: (path: string) => string | undefined;
}

function CorrectionFields({ row, index, canRemove, onChange, onRemove, errorFor }: CorrectionFieldsProps) {
  const m = useMessages(requestFormMessages);
  const parts: Array<{ part: RowPart; id: string; label: string; hint?: string; required: boolean; max: number }> = [
    { part: 'field', id: `correction-${index}-field`, label: m.correctionField, hint: m.correctionFieldHint, required: true, max: 100 },
    { part: 'currentValue', id: `correction-${index}-current`, label: m.correctionCurrent, required: false, max: 1000 },
    { part: 'newValue', id: `correction-${index}-new`, label: m.correctionNew, required: true, max: 1000 },
  ];
  return (
    <fieldset className="correction">
      <legend>{m.correctionLegend(index + 1)}</legend>
      {parts.map(({ part, id, label, hint, required, max }) => (
        <Field key={part} id={id} label={label} hint={hint} error={errorFor(`details.corrections.${index}.${part}`)} required={required}>
          {(describedBy, invalid) => (
            <TextInput id={id} type="text" maxLength={max} value={row[part]} onChange={(event) => onChange(index, part, event.target.value)} aria-describedby={describedBy} invalid={invalid} />
          )}
        </Field>
      ))}
      {canRemove ? (
        <button type="button" className="secondary" onClick={() => onRemove(index)}>
          {m.removeCorrection(index + 1)}
        </button>
      ) : null}
    </fieldset>
  );
}
