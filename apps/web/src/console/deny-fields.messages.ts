import type { Messages } from '../i18n/locale';

export interface DenyFieldsMessages {
  reason: string;
  reasonHint: string;
  chooseReason: string;
  message: string;
  messageHint: string;
  reasonRequired: string;
  messageRequired: string;
  messageTooLong: string;
  previewTitle: string;
  previewIntro: string;
  previewReason: (explanation: string) => string;
  previewTeamWrites: string;
  previewMessagePlaceholder: string;
  previewRights: string;
}

export const denyFieldsMessages: Messages<DenyFieldsMessages> = {
  en: {
    reason: 'Reason',
    reasonHint: 'The requester is told this reason in plain words.',
    chooseReason: 'Choose a reason',
    message: 'Message to the requester',
    messageHint: 'Explain what applies in this case. It is sent by email exactly as written.',
    reasonRequired: 'Choose the reason for the denial.',
    messageRequired: 'Write a message to the requester: the law requires telling them why.',
    messageTooLong: 'The message can be at most 5,000 characters.',
    previewTitle: 'What the requester will be told',
    previewIntro: 'We have reviewed your request and decided not to carry it out.',
    previewReason: (explanation) => `The reason: ${explanation}`,
    previewTeamWrites: 'Our privacy team writes:',
    previewMessagePlaceholder: '(your message)',
    previewRights: 'The email also names the authority they can complain to under their law, their right to go to court, and a link to the request’s status. It is sent in the requester’s language.',
  },
  de: {
    reason: 'Grund',
    reasonHint: 'Der Antragsteller erfährt diesen Grund in einfachen Worten.',
    chooseReason: 'Grund auswählen',
    message: 'Nachricht an den Antragsteller',
    messageHint: 'Erklären Sie, was in diesem Fall gilt. Sie wird genau so per E-Mail versendet.',
    reasonRequired: 'Wählen Sie den Grund der Ablehnung.',
    messageRequired: 'Schreiben Sie eine Nachricht an den Antragsteller: Das Gesetz verlangt, die Gründe zu nennen.',
    messageTooLong: 'Die Nachricht darf höchstens 5.000 Zeichen lang sein.',
    previewTitle: 'Was der Antragsteller erfährt',
    previewIntro: 'Wir haben Ihre Anfrage geprüft und entschieden, ihr nicht nachzukommen.',
    previewReason: (explanation) => `Der Grund: ${explanation}`,
    previewTeamWrites: 'Unser Datenschutzteam schreibt dazu:',
    previewMessagePlaceholder: '(Ihre Nachricht)',
    previewRights: 'Die E-Mail nennt außerdem die Aufsichtsbehörde, bei der er sich nach seinem Recht beschweren kann, sein Recht auf gerichtlichen Rechtsschutz und einen Link zum Status der Anfrage. Sie wird in der Sprache des Antragstellers versendet.',
  },
};
