import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { requestPageMessages } from './request.messages';
import { useActorName } from './use-actor-name';

function size(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  return bytes < 1024 ? format(bytes, 'B') : bytes < 1024 * 1024 ? format(bytes / 1024, 'KB') : format(bytes / (1024 * 1024), 'MB');
}

// Notes, what the requester was told, and their answers with the files they sent. Downloads go
// straight to the api (audited there) as attachments; the browser never renders them in the page.
export function RequestConversation({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).conversation;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const actorName = useActorName();
  return (
    <section aria-labelledby="request-conversation-title">
      <h2 id="request-conversation-title">{m.heading}</h2>
      {detail.conversation.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ol className="conversation">
          {detail.conversation.map((message) => (
            <li key={message.id} className={`message message-${message.kind}`}>
              <article aria-labelledby={`message-${message.id}`}>
                <h3 id={`message-${message.id}`} className="message-kind">
                  {words.messageKinds[message.kind] ?? message.kind}
                </h3>
                <p className="message-meta">{m.by(actorName(message.author), formatDateTime(message.createdAt, locale))}</p>
                <p className="pre-wrap">{message.body}</p>
                {message.attachments.length > 0 ? (
                  <>
                    <p className="message-meta">{m.attachments}</p>
                    <ul className="plain-list">
                      {message.attachments.map((file) => (
                        <li key={file.id}>
                          {file.erased || !file.fileName ? (
                            m.erased(size(file.bytes, locale))
                          ) : (
                            <a href={`/api/v1/console/requests/${detail.request.id}/attachments/${file.id}`} download={file.fileName}>
                              {m.download(file.fileName, size(file.bytes, locale))}
                            </a>
                          )}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
