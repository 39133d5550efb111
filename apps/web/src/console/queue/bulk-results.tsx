import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import type { BulkResult } from '../console-api-types';
import { queueMessages } from './queue.messages';

interface BulkResultsProps {
  results: BulkResult[];
  /** Request id → reference, from the rows on screen when the action ran. */
  references: ReadonlyMap<string, string>;
  onDismiss(): void;
}

// One line per request: done (with what happened — a four-eyes proposal is not an approval) or
// why not, in the api's words. Focused when it appears so it is read out after the dialog closes.
export function BulkResults({ results, references, onDismiss }: BulkResultsProps) {
  const m = useMessages(queueMessages).bulk;
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [results]);
  const done = results.filter((r) => r.ok).length;
  return (
    <section className="bulk-results notice" aria-labelledby="bulk-results-title" tabIndex={-1} ref={box}>
      <h2 id="bulk-results-title">{m.resultsTitle}</h2>
      <p>{m.resultsSummary(done, results.length)}</p>
      <ul>
        {results.map((result) => (
          <li key={result.requestId}>
            <Link to={`/console/requests/${result.requestId}`}>{references.get(result.requestId) ?? result.requestId}</Link>
            {': '}
            {result.ok ? (m.outcomes[result.outcome ?? ''] ?? result.outcome) : m.refused(result.message ?? result.code ?? '')}
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={onDismiss}>
        {m.dismiss}
      </button>
    </section>
  );
}
