import type { PackageLanguage } from './access-package.types';

/** Words of the package's index page and README. Plain text: the renderers escape it. */
export interface PackageText {
  locale: string;
  title: string;
  intro: string;
  company: string;
  reference: string;
  generatedAt: string;
  systemsHeading: string;
  noSystems: string;
  purposes: string;
  recipients: string;
  none: string;
  categoriesHeld: string;
  categoriesPossible: string;
  secretHeld: string;
  notIncluded: string;
  collection: string;
  records: string;
  files: string;
  retention: string;
  /** An anonymize rule's label, followed by the fields it anonymizes. */
  anonymized: string;
  retentionAfter: (period: string, field: string) => string;
  objectsIn: (folder: string) => string;
  nothingFound: string;
  failed: string;
  pending: string;
  formatsHeading: string;
  formats: string[];
  readme: (company: string, reference: string, generatedAt: string) => string[];
  /** Singular and plural per ISO 8601 duration designator. */
  units: Record<'Y' | 'M' | 'W' | 'D', [string, string]>;
}

const EN: PackageText = {
  locale: 'en-GB',
  title: 'Your personal data',
  intro:
    'This package contains a copy of the personal data we hold about you, with an overview of where it is kept, why, and who receives it.',
  company: 'Organisation',
  reference: 'Request reference',
  generatedAt: 'Generated',
  systemsHeading: 'Where your data is held',
  noSystems: 'No systems were searched for this request.',
  purposes: 'Purposes',
  recipients: 'Recipients',
  none: 'None',
  categoriesHeld: 'Categories of data held about you',
  categoriesPossible: 'Categories of data this system can hold',
  secretHeld: 'Held, not included in this package',
  notIncluded:
    'Such values (for example password hashes or access tokens) are kept for security and are not handed out, not even to you.',
  collection: 'Collection',
  records: 'Records',
  files: 'Files',
  retention: 'Kept',
  anonymized: 'Anonymized',
  retentionAfter: (period, field) => `${period} after “${field}”`,
  objectsIn: (folder) => `the stored files themselves are in the folder ${folder}`,
  nothingFound: 'No records about you were found in this system.',
  failed:
    'The export from this system could not be completed, so its data is not included in this package. We will provide it separately.',
  pending:
    'This system is run by a service provider who has not answered yet, so its data is not included in this package. We will provide it separately.',
  formatsHeading: 'About the files',
  formats: [
    'Every collection comes twice: as JSON (structured, for moving your data to another service) and as CSV (opens in spreadsheet programs).',
    'Text is UTF-8. CSV files use commas and a header row; values that contain lists or objects are written as JSON.',
    "A CSV value that starts with =, +, -, @ or a tab is prefixed with an apostrophe (') so spreadsheet programs show it as text instead of running it as a formula.",
  ],
  readme: (company, reference, generatedAt) => [
    `Your personal data held by ${company}`,
    `Request reference: ${reference}`,
    `Generated: ${generatedAt}`,
    '',
    'Open index.html in a web browser for an overview: where your data is held, why, who receives it, and links to every file.',
    '',
    'Files in this package:',
    '  index.html                      overview (works offline, no scripts)',
    '  <system>/<collection>.json      the records as a JSON array, one object per record',
    '  <system>/<collection>.csv       the same records as CSV (RFC 4180): comma-separated, a header row,',
    '                                  fields with commas, quotes or line breaks in double quotes,',
    '                                  UTF-8 with a byte order mark so spreadsheet programs detect it',
    '  <system>/files/...              files stored about you (for example uploaded images)',
    '',
    'In CSV files, values that are lists or objects are written as JSON, and a value that starts with',
    "=, +, -, @ or a tab is prefixed with an apostrophe (') so that spreadsheet programs show it as text",
    'instead of running it as a formula. The JSON files hold the values unchanged.',
  ],
  units: { Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'] },
};

const DE: PackageText = {
  locale: 'de-DE',
  title: 'Ihre personenbezogenen Daten',
  intro:
    'Dieses Paket enthält eine Kopie der personenbezogenen Daten, die wir über Sie speichern, mit einer Übersicht, wo sie gespeichert sind, wozu und wer sie erhält.',
  company: 'Verantwortlicher',
  reference: 'Aktenzeichen der Anfrage',
  generatedAt: 'Erstellt',
  systemsHeading: 'Wo Ihre Daten gespeichert sind',
  noSystems: 'Für diese Anfrage wurden keine Systeme durchsucht.',
  purposes: 'Zwecke',
  recipients: 'Empfänger',
  none: 'Keine',
  categoriesHeld: 'Kategorien gespeicherter Daten über Sie',
  categoriesPossible: 'Kategorien von Daten, die dieses System speichern kann',
  secretHeld: 'Gespeichert, nicht in diesem Paket enthalten',
  notIncluded:
    'Solche Werte (zum Beispiel Passwort-Hashes oder Zugangstoken) werden aus Sicherheitsgründen gespeichert und nicht herausgegeben, auch nicht an Sie.',
  collection: 'Sammlung',
  records: 'Datensätze',
  files: 'Dateien',
  retention: 'Aufbewahrung',
  anonymized: 'Anonymisiert',
  retentionAfter: (period, field) => `${period} nach „${field}“`,
  objectsIn: (folder) => `die gespeicherten Dateien selbst liegen im Ordner ${folder}`,
  nothingFound: 'In diesem System wurden keine Daten über Sie gefunden.',
  failed:
    'Der Export aus diesem System konnte nicht abgeschlossen werden, daher sind seine Daten nicht in diesem Paket enthalten. Wir stellen sie Ihnen gesondert zur Verfügung.',
  pending:
    'Dieses System wird von einem Dienstleister betrieben, der noch nicht geantwortet hat, daher sind seine Daten nicht in diesem Paket enthalten. Wir stellen sie Ihnen gesondert zur Verfügung.',
  formatsHeading: 'Zu den Dateien',
  formats: [
    'Jede Sammlung liegt zweifach bei: als JSON (strukturiert, zur Übertragung an einen anderen Dienst) und als CSV (lässt sich in Tabellenprogrammen öffnen).',
    'Text ist UTF-8-kodiert. CSV-Dateien verwenden Kommas und eine Kopfzeile; Listen und Objekte stehen als JSON in der Zelle.',
    "Beginnt ein CSV-Wert mit =, +, -, @ oder einem Tabulator, steht ein Apostroph (') davor, damit Tabellenprogramme ihn als Text anzeigen und nicht als Formel ausführen.",
  ],
  readme: (company, reference, generatedAt) => [
    `Ihre personenbezogenen Daten bei ${company}`,
    `Aktenzeichen der Anfrage: ${reference}`,
    `Erstellt: ${generatedAt}`,
    '',
    'Öffnen Sie index.html in einem Webbrowser für eine Übersicht: wo Ihre Daten gespeichert sind, wozu, wer sie erhält, und Links zu allen Dateien.',
    '',
    'Dateien in diesem Paket:',
    '  index.html                      Übersicht (funktioniert offline, ohne Skripte)',
    '  <System>/<Sammlung>.json        die Datensätze als JSON-Array, ein Objekt je Datensatz',
    '  <System>/<Sammlung>.csv         dieselben Datensätze als CSV (RFC 4180): kommagetrennt, mit Kopfzeile,',
    '                                  Felder mit Kommas, Anführungszeichen oder Zeilenumbrüchen in doppelten',
    '                                  Anführungszeichen, UTF-8 mit Byte-Order-Mark für Tabellenprogramme',
    '  <System>/files/...              über Sie gespeicherte Dateien (zum Beispiel hochgeladene Bilder)',
    '',
    'In CSV-Dateien stehen Listen und Objekte als JSON, und vor einem Wert, der mit =, +, -, @ oder einem',
    "Tabulator beginnt, steht ein Apostroph ('), damit Tabellenprogramme ihn als Text anzeigen und nicht",
    'als Formel ausführen. Die JSON-Dateien enthalten die Werte unverändert.',
  ],
  units: { Y: ['Jahr', 'Jahre'], M: ['Monat', 'Monate'], W: ['Woche', 'Wochen'], D: ['Tag', 'Tage'] },
};

export const PACKAGE_TEXT: Record<PackageLanguage, PackageText> = { en: EN, de: DE };

export function formatGeneratedAt(text: PackageText, date: Date): string {
  return new Intl.DateTimeFormat(text.locale, {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** `P90D` → `90 days`; anything but a single years/months/weeks/days part is shown as written. */
export function formatPeriod(text: PackageText, period: string): string {
  const match = /^P(\d+)([YMWD])$/.exec(period);
  if (!match) {
    return period;
  }
  const [one, many] = text.units[match[2] as 'Y' | 'M' | 'W' | 'D'];
  const unit = match[1] === '1' ? one : many;
  return `${match[1]} ${unit}`;
}
