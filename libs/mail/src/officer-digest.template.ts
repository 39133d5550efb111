import type { RequestType } from '@rightsdesk/domain';
import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import { requestTypeTerm } from './request-type-label';

export interface OfficerDigestItem {
  reference: string;
  requestType: RequestType;
  /** YYYY-MM-DD */
  dueOn: string;
  /** The assigned officer's display name; null when nobody has it. */
  assignee: string | null;
}

export interface OfficerDigestSection {
  /** How many requests are in the section; `items` holds the first few of them. */
  total: number;
  items: readonly OfficerDigestItem[];
}

export interface OfficerDigestParams {
  companyName: string;
  /** The day the digest is for, YYYY-MM-DD (UTC, like every due date). */
  day: string;
  consoleUrl: string;
  overdue: OfficerDigestSection;
  dueSoon: OfficerDigestSection;
  failed: OfficerDigestSection;
  onHold: OfficerDigestSection;
}

type SectionKey = 'overdue' | 'dueSoon' | 'failed' | 'onHold';

const SECTION_ORDER: readonly SectionKey[] = ['overdue', 'dueSoon', 'failed', 'onHold'];

const WORDS = {
  en: {
    titles: { overdue: 'Overdue', dueSoon: 'Due within 7 days', failed: 'Failed in execution', onHold: 'On hold, waiting for the requester' },
    counted: { overdue: 'overdue', dueSoon: 'due within 7 days', failed: 'failed', onHold: 'on hold' },
    subject: (day: string, summary: string) => `Privacy requests digest for ${day}: ${summary}`,
    heading: (day: string) => `Privacy requests on ${day}`,
    quiet: 'nothing needs attention',
    none: 'none',
    due: 'due',
    unassigned: 'unassigned',
    assignedTo: (name: string) => `assigned to ${name}`,
    more: (n: number) => `… and ${n} more in the console.`,
    action: 'Open the console',
    privacy: "This digest names references, types, due dates and assignees only; the requesters' details are in the console.",
  },
  de: {
    titles: { overdue: 'Überfällig', dueSoon: 'In den nächsten 7 Tagen fällig', failed: 'Bei der Ausführung fehlgeschlagen', onHold: 'Angehalten, wartet auf die antragstellende Person' },
    counted: { overdue: 'überfällig', dueSoon: 'in 7 Tagen fällig', failed: 'fehlgeschlagen', onHold: 'angehalten' },
    subject: (day: string, summary: string) => `Übersicht der Datenschutzanfragen am ${day}: ${summary}`,
    heading: (day: string) => `Datenschutzanfragen am ${day}`,
    quiet: 'nichts zu tun',
    none: 'keine',
    due: 'fällig am',
    unassigned: 'nicht zugewiesen',
    assignedTo: (name: string) => `zugewiesen an ${name}`,
    more: (n: number) => `… und ${n} weitere in der Konsole.`,
    action: 'Konsole öffnen',
    privacy: 'Diese Übersicht nennt nur Referenzen, Arten, Fristen und Zuständige; die Angaben der Antragstellenden stehen in der Konsole.',
  },
} as const;

function itemLine(item: OfficerDigestItem, lang: MailLocale): string {
  const words = WORDS[lang];
  const assignee = item.assignee === null ? words.unassigned : words.assignedTo(singleLine(item.assignee));
  return `${singleLine(item.reference)} — ${requestTypeTerm(item.requestType, lang)} — ${words.due} ${formatCalendarDate(item.dueOn, lang)} — ${assignee}`;
}

function sectionParagraphs(key: SectionKey, section: OfficerDigestSection, lang: MailLocale): string[] {
  const words = WORDS[lang];
  if (section.total === 0) {
    return [`${words.titles[key]}: ${words.none}.`];
  }
  const more = section.total - section.items.length;
  return [`${words.titles[key]}: ${section.total}`, ...section.items.map((item) => itemLine(item, lang)), ...(more > 0 ? [words.more(more)] : [])];
}

// To the privacy team (sent in English: officers have no language setting). References, types, due
// dates and assignees only; who asked and what they asked for stay in the console.
export function renderOfficerDigestEmail(params: OfficerDigestParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const words = WORDS[lang];
  const day = formatCalendarDate(params.day, lang);
  const counts = SECTION_ORDER.filter((key) => params[key].total > 0).map((key) => `${params[key].total} ${words.counted[key]}`);
  const summary = counts.length > 0 ? counts.join(', ') : words.quiet;
  const content: EmailContent = {
    locale: lang,
    companyName: params.companyName,
    audience: 'privacy_team',
    subject: words.subject(day, summary),
    preheader: `${words.heading(day)}: ${summary}.`,
    heading: words.heading(day),
    paragraphsBeforeAction: SECTION_ORDER.flatMap((key) => sectionParagraphs(key, params[key], lang)),
    action: { url: params.consoleUrl, label: words.action },
    paragraphsAfterAction: [words.privacy],
  };
  return renderEmailLayout(content);
}
