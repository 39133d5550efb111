import { useMessages } from '../../i18n/locale';
import { requestVocabulary } from '../request-vocabulary.messages';

interface Actor {
  type: string;
  id: string | null;
  displayName: string | null;
}

/** Who did something, as a person reads it: an officer's name, the requester, the system, the operator. */
export function useActorName(): (actor: Actor) => string {
  const words = useMessages(requestVocabulary).actors;
  return (actor) => {
    switch (actor.type) {
      case 'officer':
        return actor.displayName ?? words.unknownOfficer;
      case 'requester':
        return words.requester;
      // Actor type `agent` is an authorized agent of the Data Rights Protocol, named by its agent-id;
      // the company's app (API key) files as `system`.
      case 'agent':
        return actor.id === null ? words.apiKey : words.drpAgent(actor.id);
      default:
        return actor.id === 'cli' ? words.cli : words.system;
    }
  };
}
