import { useMessages } from '../../i18n/locale';
import { dataMapMessages } from './data-map.messages';
import type { DataMapField } from './data-map-types';
import { categoryName, erasureWords } from './data-map-words';

export function FieldsTable({ collection, fields }: { collection: string; fields: DataMapField[] }) {
  const m = useMessages(dataMapMessages);
  if (fields.length === 0) {
    return <p>{m.empty}</p>;
  }
  const caption = m.fields.caption(collection);
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={caption}>
      <table className="fields-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.fields.name}</th>
            <th scope="col">{m.fields.category}</th>
            <th scope="col">{m.fields.erasure}</th>
            <th scope="col">{m.fields.rectifiable}</th>
            <th scope="col">{m.fields.secret}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row">
                <code>{field.name}</code>
                {field.description ? <span className="field-description">{field.description}</span> : null}
              </th>
              <td>{categoryName(m, field.category)}</td>
              <td>{erasureWords(m, field.erasure)}</td>
              <td>{field.rectifiable ? m.fields.yes : m.fields.no}</td>
              <td>{field.secret ? m.fields.yes : m.fields.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
