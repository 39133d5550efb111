import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useEffect, useId, useRef } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/locale';

export interface FieldProblem {
  /** The field's id (and the form control's), so the summary can link to it. */
  id: string;
  message: string;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

// Label, hint and error tied to the control (aria-describedby, aria-invalid): WCAG 1.3.1, 3.3.1, 3.3.2.
export function Field({ id, label, hint, error, required = false, children }: FieldProps) {
  const m = useMessages(commonMessages);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> ({m.optional})</span>}
      </label>
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
      {children(describedBy, Boolean(error))}
    </div>
  );
}

export function TextInput({ invalid, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input {...props} aria-invalid={invalid || undefined} />;
}

export function TextArea({ invalid, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return <textarea rows={5} {...props} aria-invalid={invalid || undefined} />;
}

export function Select({ invalid, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select {...props} aria-invalid={invalid || undefined}>
      {children}
    </select>
  );
}

/**
 * The list of problems at the top of a form after a failed submit, focused so it is announced, each
 * linking to its field (the GOV.UK pattern; WCAG 3.3.1 and 2.4.3).
 */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const m = useMessages(commonMessages);
  const box = useRef<HTMLDivElement>(null);
  // Unique per summary: a form in a dialog can show one while the page behind it shows another.
  const titleId = useId();
  useEffect(() => {
    if (problems.length > 0) {
      box.current?.focus();
    }
  }, [problems]);
  if (problems.length === 0) {
    return null;
  }
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <h2 id={titleId}>{m.errorSummaryTitle}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.id}:${problem.message}`}>
            <a href={`#${problem.id}`}>{problem.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
