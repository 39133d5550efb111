import type { InputHTMLAttributes, ReactNode } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/locale';

interface FieldGroupProps {
  /** Prefix for the hint's and error's ids. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

// A fieldset for choices that belong together (checkboxes, radios, the child's identifiers): the
// legend names the group, and the hint and error are tied to it (WCAG 1.3.1, 3.3.1, 3.3.2).
export function FieldGroup({ id, legend, hint, error, required = false, children }: FieldGroupProps) {
  const m = useMessages(commonMessages);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field field-error' : 'field'} aria-describedby={describedBy}>
      <legend>
        {legend}
        {required ? null : <span className="optional"> ({m.optional})</span>}
      </legend>
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

/** A checkbox or radio with its label beside it. */
export function Choice({ id, label, ...input }: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="choice">
      <input id={id} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
