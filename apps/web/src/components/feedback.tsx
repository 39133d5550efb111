import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/locale';

export function Notice({ tone = 'info', title, children }: { tone?: 'info' | 'success' | 'warning' | 'error'; title?: string; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}

export function Loading() {
  const m = useMessages(commonMessages);
  return (
    <p className="loading" role="status">
      {m.loading}
    </p>
  );
}

/** An error from the api as a person reads it: its message, or our apology with the request id. */
export function ProblemNotice({ error }: { error: unknown }) {
  const m = useMessages(commonMessages);
  const message =
    error instanceof ApiError && error.status < 500 ? error.body.message : m.somethingWentWrong(error instanceof ApiError ? (error.body.requestId ?? null) : null);
  return <Notice tone="error">{message}</Notice>;
}
