import type { ReactNode } from 'react';

interface ChoiceGroupProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

// Radios or checkboxes under one question: a fieldset whose legend is the question, with the hint
// and the error read along with each choice (WCAG 1.3.1, 3.3.1).
export function ChoiceGroup({ id, legend, hint, error, children }: ChoiceGroupProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field field-error' : 'field'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error-message">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

export function Choice({ id, type, name, checked, label, onChange }: { id: string; type: 'radio' | 'checkbox'; name: string; checked: boolean; label: string; onChange(checked: boolean): void }) {
  return (
    <div className="choice">
      <input id={id} type={type} name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
