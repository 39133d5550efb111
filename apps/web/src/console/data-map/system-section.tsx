import { useMessages } from '../../i18n/locale';
import { CollectionSection } from './collection-section';
import { dataMapMessages } from './data-map.messages';
import type { DataMapSystem } from './data-map-types';

export function SystemSection({ system }: { system: DataMapSystem }) {
  const m = useMessages(dataMapMessages);
  const headingId = `system-${system.key}`;
  return (
    <section className="data-map-system" aria-labelledby={headingId}>
      <h2 id={headingId}>{system.title}</h2>
      <p className="system-kind">
        {m.kinds[system.kind]} · <code>{m.systemKey(system.key)}</code>
      </p>
      {system.description ? <p>{system.description}</p> : null}
      <dl className="facts">
        <dt>{m.purposes}</dt>
        <dd>{system.purposes.length > 0 ? system.purposes.join('; ') : m.none}</dd>
        <dt>{m.recipients}</dt>
        <dd>{system.recipients.length > 0 ? system.recipients.join('; ') : m.none}</dd>
        {system.eraseOrder.length > 1 ? (
          <>
            <dt>{m.eraseOrder}</dt>
            <dd>{system.eraseOrder.join(' → ')}</dd>
          </>
        ) : null}
      </dl>
      <h3>{m.collections}</h3>
      {system.collections.map((collection) => (
        <CollectionSection key={collection.name} systemKey={system.key} collection={collection} />
      ))}
    </section>
  );
}
