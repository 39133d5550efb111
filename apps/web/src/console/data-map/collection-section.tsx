import { useMessages } from '../../i18n/locale';
import { dataMapMessages } from './data-map.messages';
import type { DataMapCollection } from './data-map-types';
import { categoryName, subjectWords } from './data-map-words';
import { FieldsTable } from './fields-table';
import { RetentionFacts } from './retention-facts';

// One collection: where it is, how the person is found, opt-out, retention and children, then its fields.
export function CollectionSection({ systemKey, collection }: { systemKey: string; collection: DataMapCollection }) {
  const m = useMessages(dataMapMessages);
  const headingId = `collection-${systemKey}-${collection.name}`;
  return (
    <section className="data-map-collection" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <code>{collection.name}</code>
      </h4>
      {collection.description ? <p>{collection.description}</p> : null}
      <dl className="facts">
        {collection.table ? (
          <>
            <dt>{m.where}</dt>
            <dd>{m.table(collection.table)}</dd>
          </>
        ) : null}
        {collection.category ? (
          <>
            <dt>{m.fields.category}</dt>
            <dd>{m.objectsCategory(categoryName(m, collection.category))}</dd>
          </>
        ) : null}
        <dt>{m.found}</dt>
        <dd>{subjectWords(m, collection.subject)}</dd>
        {collection.optOut.length > 0 ? (
          <>
            <dt>{m.optOut}</dt>
            <dd>{collection.optOut.map((o) => m.optOutSet(o.field, JSON.stringify(o.value))).join('; ')}</dd>
          </>
        ) : null}
        <RetentionFacts m={m} collection={collection} />
      </dl>
      <FieldsTable collection={collection.name} fields={collection.fields} />
    </section>
  );
}
