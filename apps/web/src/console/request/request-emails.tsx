import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { requestPageMessages } from './request.messages';

export function RequestEmails({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).emails;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="request-emails-title">
      <h2 id="request-emails-title">{m.heading}</h2>
      {detail.emails.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="request-emails-caption" tabIndex={0}>
          <table>
            <caption id="request-emails-caption">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.template}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.created}</th>
                <th scope="col">{m.sent}</th>
              </tr>
            </thead>
            <tbody>
              {detail.emails.map((email) => (
                <tr key={email.id}>
                  <th scope="row">{words.emailTemplates[email.template] ?? email.template}</th>
                  <td>{words.emailStatuses[email.status] ?? email.status}</td>
                  <td>{formatDateTime(email.createdAt, locale)}</td>
                  <td>{email.sentAt ? formatDateTime(email.sentAt, locale) : m.notYet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
