import type { Messages } from '../../i18n/locale';

// The request page's section on a request an authorized agent filed through the Data Rights Protocol.
export interface AgentFilingMessages {
  heading: string;
  intro: string;
  agent: string;
  noAgentName: string;
  exercise: string;
  /** DRP 1.0 §3.01 exercises; an unknown one is shown by its code only. */
  exercises: Record<string, string>;
  agentRequestId: string;
  notGiven: string;
  drpRequestId: string;
  profile: string;
  version: (version: string) => string;
  permissionSlip: (version: string) => string;
  regime: string;
  voluntary: string;
  relationships: string;
  revoked: string;
  claimsHeading: string;
  reliance: string;
  claimsErased: string;
  noClaims: string;
  claims: { name: string; email: string; phone: string; address: string; powerOfAttorney: string };
  verified: string;
  notVerified: string;
}

export const agentFilingMessages: Messages<AgentFilingMessages> = {
  en: {
    heading: 'Filed by an authorized agent',
    intro: 'An authorized agent sent this request for the requester through the Data Rights Protocol (DRP).',
    agent: 'Agent',
    noAgentName: 'No name registered',
    exercise: 'What the agent asked for',
    exercises: {
      deletion: 'Delete the data',
      access: 'Access to the data',
      'access:categories': 'Access to the categories of data',
      'access:specific': 'Access to specific pieces of data',
      'sale:opt-out': 'Opt out of sale and sharing',
      'sale:opt-in': 'Opt back in to sale and sharing',
    },
    agentRequestId: "Agent's request id",
    notGiven: 'Not given',
    drpRequestId: 'DRP request id',
    profile: 'Protocol',
    version: (version) => `DRP ${version}`,
    permissionSlip: (version) => `DRP ${version}, Permission Slip profile`,
    regime: 'Law as the agent named it',
    voluntary: 'None named: a voluntary request',
    relationships: 'Relationships the agent gave',
    revoked: 'Revoked by the agent',
    claimsHeading: 'Identity claims the agent vouches for',
    reliance:
      'How far to rely on these claims is the business’s decision (DRP §3.04): compare them with the requester’s data above before acting on the request.',
    claimsErased: 'The identity claims and relationships the agent sent were erased with the record when it was minimized.',
    noClaims: 'The agent sent no identity claims.',
    claims: { name: 'Name', email: 'Email address', phone: 'Phone number', address: 'Postal address', powerOfAttorney: 'Power of attorney' },
    verified: 'Verified by the agent',
    notVerified: 'Not verified by the agent',
  },
  de: {
    heading: 'Von einem bevollmächtigten Dienst gestellt',
    intro: 'Ein bevollmächtigter Dienst hat diese Anfrage für den Antragsteller über das Data Rights Protocol (DRP) gestellt.',
    agent: 'Dienst',
    noAgentName: 'Kein Name hinterlegt',
    exercise: 'Was der Dienst verlangt',
    exercises: {
      deletion: 'Die Daten löschen',
      access: 'Auskunft über die Daten',
      'access:categories': 'Auskunft über die Kategorien von Daten',
      'access:specific': 'Auskunft über bestimmte Daten',
      'sale:opt-out': 'Widerspruch gegen Verkauf und Weitergabe',
      'sale:opt-in': 'Verkauf und Weitergabe wieder erlauben',
    },
    agentRequestId: 'Anfragenummer des Dienstes',
    notGiven: 'Nicht angegeben',
    drpRequestId: 'DRP-Anfragenummer',
    profile: 'Protokoll',
    version: (version) => `DRP ${version}`,
    permissionSlip: (version) => `DRP ${version}, Permission-Slip-Profil`,
    regime: 'Recht, wie vom Dienst genannt',
    voluntary: 'Keines genannt: eine freiwillige Anfrage',
    relationships: 'Vom Dienst angegebene Beziehungen',
    revoked: 'Vom Dienst widerrufen',
    claimsHeading: 'Identitätsangaben, für die der Dienst einsteht',
    reliance:
      'Das Unternehmen entscheidet, wie weit es sich auf diese Angaben verlässt (DRP §3.04): Vergleichen Sie sie mit den Daten des Antragstellers oben, bevor Sie die Anfrage bearbeiten.',
    claimsErased: 'Die Identitätsangaben und Beziehungen, die der Dienst gesendet hat, wurden mit dem Datensatz gelöscht, als er minimiert wurde.',
    noClaims: 'Der Dienst hat keine Identitätsangaben gesendet.',
    claims: { name: 'Name', email: 'E-Mail-Adresse', phone: 'Telefonnummer', address: 'Postanschrift', powerOfAttorney: 'Vollmacht' },
    verified: 'Vom Dienst geprüft',
    notVerified: 'Nicht vom Dienst geprüft',
  },
};
