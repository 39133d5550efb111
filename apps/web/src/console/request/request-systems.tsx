import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { requestPageMessages } from './request.messages';

// What execution did per system (counts only; an error is a code, never a system's own message).
export function RequestSystems({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).systems;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="request-systems-title">
      <h2 id="request-systems-title">{m.heading}</h2>
      {detail.systems.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="request-systems-caption" tabIndex={0}>
          <table>
            <caption id="request-systems-caption">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.system}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.attempts}</th>
                <th scope="col">{m.error}</th>
                <th scope="col">{m.collections}</th>
                <th scope="col">{m.finished}</th>
              </tr>
            </thead>
            <tbody>
              {detail.systems.map((system) => (
                <tr key={system.systemKey}>
                  <th scope="row">{system.systemKey}</th>
                  <td>{words.systemStatuses[system.status] ?? system.status}</td>
                  <td>{system.attempts}</td>
                  <td>{system.errorCode ? <code>{system.errorCode}</code> : '—'}</td>
                  <td>
                    <ul className="plain-list">
                      {system.collections.map((c) => (
                        <li key={c.collection}>{m.foundChanged(c.collection, c.found, c.changed)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{system.finishedAt ? formatDateTime(system.finishedAt, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
