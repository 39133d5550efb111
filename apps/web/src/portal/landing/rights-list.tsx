import { REQUEST_TYPES } from '@rightsdesk/domain';
import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import { newRequestPath } from '../request-type-slugs';
import { landingMessages } from './landing.messages';

/** Each right in plain words with the link to its form; on the landing page and the type chooser. */
export function RightsList({ headingLevel }: { headingLevel: 2 | 3 }) {
  const m = useMessages(landingMessages);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="rights-list">
      {REQUEST_TYPES.map((type) => (
        <li key={type} className="right-card">
          <Heading>{m.rights[type].title}</Heading>
          {m.rights[type].body.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <Link to={newRequestPath(type)} className="button">
            {m.rights[type].action}
          </Link>
        </li>
      ))}
    </ul>
  );
}
