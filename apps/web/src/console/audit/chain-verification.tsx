import { api } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { useLocale, useMessages } from '../../i18n/locale';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { auditMessages } from './audit.messages';

// The first thing on the page: whether the hash chain still proves nothing was changed or removed.
export function ChainVerification() {
  const m = useMessages(auditMessages).chain;
  const { locale } = useLocale();
  const call = useConsoleCall();
  const { state } = useLoad(() => call(api.GET('/api/v1/console/audit/verification')), 'verification');
  if (state.status === 'loading') {
    return <Loading />;
  }
  if (state.status === 'error') {
    return <ProblemNotice error={state.error} />;
  }
  const { ok, checked, firstBroken } = state.data;
  const count = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(checked);
  if (ok || !firstBroken) {
    return (
      <div className="chain-result chain-intact">
        <Notice tone="success" title={m.intactTitle}>
          <p>{m.intact(count)}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="chain-result chain-broken">
      <Notice tone="error" title={m.brokenTitle}>
        <p>{m.broken(firstBroken.sequence, m.reasons[firstBroken.reason])}</p>
        <p>{m.brokenAdvice}</p>
      </Notice>
    </div>
  );
}
