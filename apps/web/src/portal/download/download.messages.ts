import type { Messages } from '../../i18n/locale';

export interface DownloadMessages {
  title: string;
  ready: string;
  contents: string;
  validity: (until: string, downloads: number) => string;
  keepPrivate: string;
  button: string;
  started: string;
  goneTitle: string;
  goneBody: string;
  rateLimited: string;
  fileAgain: string;
}

export const downloadMessages: Messages<DownloadMessages> = {
  en: {
    title: 'Download your data',
    ready: 'Your data is ready as a ZIP file.',
    contents: 'Open index.html inside it for an overview of what we hold, what we use it for and who we share it with; the JSON and CSV files hold the records themselves.',
    validity: (until, downloads) => `This link works until ${until} and for ${downloads} more download${downloads === 1 ? '' : 's'}.`,
    keepPrivate: 'Keep it private: anyone with the link can download your data.',
    button: 'Download the ZIP file',
    started: 'Your download should start in a moment.',
    goneTitle: 'This download link no longer works',
    goneBody: 'It has expired or has been used as many times as allowed. Packages are deleted when their link expires. If you still need your data, send a new request.',
    rateLimited: 'There have been too many attempts from your connection. Please wait a while and reload this page.',
    fileAgain: 'Ask to see your data again',
  },
  de: {
    title: 'Ihre Daten herunterladen',
    ready: 'Ihre Daten liegen als ZIP-Datei bereit.',
    contents: 'Öffnen Sie darin index.html für einen Überblick, was wir speichern, wofür wir es nutzen und an wen wir es weitergeben; die JSON- und CSV-Dateien enthalten die Datensätze selbst.',
    validity: (until, downloads) => `Dieser Link gilt bis ${until} und für ${downloads === 1 ? 'einen weiteren Download' : `${downloads} weitere Downloads`}.`,
    keepPrivate: 'Halten Sie ihn geheim: Jeder, der den Link hat, kann Ihre Daten herunterladen.',
    button: 'ZIP-Datei herunterladen',
    started: 'Ihr Download sollte gleich beginnen.',
    goneTitle: 'Dieser Download-Link funktioniert nicht mehr',
    goneBody: 'Er ist abgelaufen oder wurde so oft verwendet wie erlaubt. Pakete werden gelöscht, wenn ihr Link abläuft. Wenn Sie Ihre Daten noch brauchen, stellen Sie eine neue Anfrage.',
    rateLimited: 'Von Ihrer Verbindung kamen zu viele Versuche. Bitte warten Sie eine Weile und laden Sie die Seite dann neu.',
    fileAgain: 'Erneut Auskunft über Ihre Daten anfordern',
  },
};
