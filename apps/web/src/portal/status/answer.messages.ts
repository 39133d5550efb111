import type { Messages } from '../../i18n/locale';

export interface AnswerMessages {
  message: string;
  messageHint: string;
  files: string;
  filesHint: (maxFiles: number | null, maxSize: string | null) => string;
  send: string;
  sending: string;
  messageRequired: string;
  messageTooLong: (max: number) => string;
  fileType: (name: string) => string;
  fileTooBig: (name: string, max: string | null) => string;
  tooManyFiles: (max: number | null) => string;
  notWaiting: string;
  rateLimited: string;
  formProblem: string;
}

export const answerMessages: Messages<AnswerMessages> = {
  en: {
    message: 'Your answer',
    messageHint: 'Write your answer here. If we asked for a document, such as proof of a child’s age, attach it below.',
    files: 'Files',
    filesHint: (maxFiles, maxSize) => `PDF, PNG or JPEG${maxFiles ? `; up to ${maxFiles} files` : ''}${maxSize ? ` of at most ${maxSize} each` : ''}.`,
    send: 'Send my answer',
    sending: 'Sending…',
    messageRequired: 'Write an answer or attach a file',
    messageTooLong: (max) => `Your answer must be ${max} characters or fewer`,
    fileType: (name) => `“${name}” is not a PDF, PNG or JPEG file`,
    fileTooBig: (name, max) => `“${name}” is too large${max ? `: files can be at most ${max}` : ''}`,
    tooManyFiles: (max) => `Attach ${max ? `at most ${max} files` : 'fewer files'}`,
    notWaiting: 'We are no longer waiting for an answer to this question. Reload the page to see where your request stands.',
    rateLimited: 'There have been too many attempts from your connection. Please wait a while and try again.',
    formProblem: 'Your answer could not be read. Please try again.',
  },
  de: {
    message: 'Ihre Antwort',
    messageHint: 'Schreiben Sie hier Ihre Antwort. Wenn wir um ein Dokument gebeten haben, etwa einen Nachweis des Alters eines Kindes, hängen Sie es unten an.',
    files: 'Dateien',
    filesHint: (maxFiles, maxSize) => `PDF, PNG oder JPEG${maxFiles ? `; bis zu ${maxFiles} Dateien` : ''}${maxSize ? ` mit jeweils höchstens ${maxSize}` : ''}.`,
    send: 'Antwort senden',
    sending: 'Wird gesendet …',
    messageRequired: 'Schreiben Sie eine Antwort oder hängen Sie eine Datei an',
    messageTooLong: (max) => `Ihre Antwort darf höchstens ${max} Zeichen lang sein`,
    fileType: (name) => `„${name}“ ist keine PDF-, PNG- oder JPEG-Datei`,
    fileTooBig: (name, max) => `„${name}“ ist zu groß${max ? `: Dateien dürfen höchstens ${max} groß sein` : ''}`,
    tooManyFiles: (max) => `Hängen Sie ${max ? `höchstens ${max} Dateien` : 'weniger Dateien'} an`,
    notWaiting: 'Wir warten nicht mehr auf eine Antwort auf diese Frage. Laden Sie die Seite neu, um den aktuellen Stand Ihrer Anfrage zu sehen.',
    rateLimited: 'Von Ihrer Verbindung kamen zu viele Versuche. Bitte warten Sie eine Weile und versuchen Sie es erneut.',
    formProblem: 'Ihre Antwort konnte nicht gelesen werden. Bitte versuchen Sie es erneut.',
  },
};
