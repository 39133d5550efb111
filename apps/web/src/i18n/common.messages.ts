import type { Messages } from './locale';

export interface CommonMessages {
  skipToContent: string;
  language: string;
  languageNames: { en: string; de: string };
  privacyPolicy: string;
  loading: string;
  errorSummaryTitle: string;
  somethingWentWrong: (requestId: string | null) => string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  required: string;
  optional: string;
}

export const commonMessages: Messages<CommonMessages> = {
  en: {
    skipToContent: 'Skip to content',
    language: 'Language',
    languageNames: { en: 'English', de: 'Deutsch' },
    privacyPolicy: 'Privacy policy',
    loading: 'Loading…',
    errorSummaryTitle: 'There is a problem',
    somethingWentWrong: (requestId) => `Something went wrong on our side. Please try again later${requestId ? ` (reference ${requestId})` : ''}.`,
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address may be mistyped, or the page has moved.',
    backHome: 'Go to the start page',
    required: 'required',
    optional: 'optional',
  },
  de: {
    skipToContent: 'Zum Inhalt springen',
    language: 'Sprache',
    languageNames: { en: 'English', de: 'Deutsch' },
    privacyPolicy: 'Datenschutzerklärung',
    loading: 'Wird geladen …',
    errorSummaryTitle: 'Es gibt ein Problem',
    somethingWentWrong: (requestId) => `Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut${requestId ? ` (Referenz ${requestId})` : ''}.`,
    notFoundTitle: 'Seite nicht gefunden',
    notFoundBody: 'Die Adresse ist vielleicht falsch geschrieben, oder die Seite wurde verschoben.',
    backHome: 'Zur Startseite',
    required: 'Pflichtfeld',
    optional: 'optional',
  },
};
