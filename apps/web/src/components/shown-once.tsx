import { useState } from 'react';
import { Notice } from './feedback';

interface ShownOnceProps {
  /** What the value is, e.g. "Password for Grace Hopper". */
  label: string;
  value: string;
  /** How to show the value when it differs from what is copied (a secret grouped in fours). */
  display?: string;
  /** Why it matters: it is shown only now, and how to hand it over. */
  hint: string;
  copyLabel: string;
  copiedLabel: string;
  /** A long value (a URI) wraps; a short one stays on one line. */
  long?: boolean;
}

// A generated secret the api returns once (a password, an API key, a TOTP secret): shown selectable
// with a copy button. Copying is a convenience; selecting the text works where the clipboard API is
// unavailable (plain http on a host other than localhost).
export function ShownOnce({ label, value, display, hint, copyLabel, copiedLabel, long = false }: ShownOnceProps) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Notice tone="success" title={label}>
      <p className={long ? 'shown-once-value long' : 'shown-once-value'}>
        <code>{display ?? value}</code>
      </p>
      <p>{hint}</p>
      <p className="shown-once-copy">
        <button type="button" className="secondary" onClick={copy}>
          {copyLabel}
        </button>
        <span role="status">{copied ? copiedLabel : ''}</span>
      </p>
    </Notice>
  );
}
