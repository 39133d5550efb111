import { useState } from 'react';
import { api } from '../../api/client';
import { Badge } from '../../components/badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { ShownOnce } from '../../components/shown-once';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { ConsolePage } from '../console-layout';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import type { ApiKeyView } from './admin-types';
import { ApiKeyCreateForm } from './api-key-create-form';
import { apiKeysMessages } from './api-keys.messages';

type Outcome = { kind: 'key'; name: string; key: string } | { kind: 'revoked'; name: string } | { kind: 'error'; error: unknown };

// API keys (admins only): list with scopes and last use, create (the key shown once), revoke.
export function ApiKeysPage() {
  const m = useMessages(apiKeysMessages);
  const { locale } = useLocale();
  const call = useConsoleCall();
  const { state, reload } = useLoad(async () => (await call(api.GET('/api/v1/console/api-keys'))).apiKeys, 'api-keys');
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const revoke = async (key: ApiKeyView) => {
    setBusy(true);
    try {
      await call(api.POST('/api/v1/console/api-keys/{id}/revoke', { params: { path: { id: key.id } } }));
      setOutcome({ kind: 'revoked', name: key.name });
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
      setRevoking(null);
      void reload();
    }
  };
  const scopeWords = (scope: string) => (scope in m.scopes ? m.scopes[scope as keyof typeof m.scopes].label : scope);

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      <div id="api-keys-outcome" tabIndex={-1}>
        {outcome?.kind === 'key' ? <ShownOnce label={m.shownOnce.label(outcome.name)} value={outcome.key} hint={m.shownOnce.hint} copyLabel={m.shownOnce.copy} copiedLabel={m.shownOnce.copied} /> : null}
        {outcome?.kind === 'revoked' ? <Notice tone="success">{m.revoked(outcome.name)}</Notice> : null}
        {outcome?.kind === 'error' ? <ProblemNotice error={outcome.error} /> : null}
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? <p>{m.table.none}</p> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="group" aria-label={m.table.caption}>
          <table className="api-keys-table">
            <caption>{m.table.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.table.name}</th>
                <th scope="col">{m.table.key}</th>
                <th scope="col">{m.table.scopes}</th>
                <th scope="col">{m.table.created}</th>
                <th scope="col">{m.table.lastUsed}</th>
                <th scope="col">{m.table.status}</th>
                <th scope="col">{m.table.actions}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((key) => (
                <tr key={key.id} data-api-key={key.name}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>rdk_{key.prefix}_…</code>
                  </td>
                  <td>{key.scopes.map(scopeWords).join(', ')}</td>
                  <td>{formatDateTime(key.createdAt, locale)}</td>
                  <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : m.table.never}</td>
                  <td>{key.revokedAt ? <Badge tone="neutral">{m.table.revoked(formatDateTime(key.revokedAt, locale))}</Badge> : <Badge tone="success">{m.table.active}</Badge>}</td>
                  <td>
                    {key.revokedAt ? null : (
                      <button type="button" className="danger" disabled={busy} onClick={() => setRevoking(key)}>
                        {m.revoke}
                        <span className="visually-hidden">{m.revokeFor(key.name)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ApiKeyCreateForm
        onCreated={(apiKey, key) => {
          setOutcome({ kind: 'key', name: apiKey.name, key });
          void reload();
          const box = document.getElementById('api-keys-outcome');
          box?.scrollIntoView();
          box?.focus();
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? m.revokeDialog.title(revoking.name) : ''}
        confirmLabel={m.revokeDialog.confirm}
        cancelLabel={m.revokeDialog.cancel}
        danger
        busy={busy}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) {
            void revoke(revoking);
          }
        }}
      >
        <p>{m.revokeDialog.body}</p>
      </ConfirmDialog>
    </ConsolePage>
  );
}
