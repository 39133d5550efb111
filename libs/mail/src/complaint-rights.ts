import type { RegimeId } from '@rightsdesk/domain';
import { type MailLocale } from './mail-locale';

// Where a requester can complain, and that courts are open to them, in the words of the law that
// governs their request. GDPR Art. 12(4) requires both when a request is not acted on; the other
// laws name their own regulator. Only the EU and UK texts and the LGPD promise a court remedy
// outright: US state laws mostly leave enforcement to the regulator, so they say "where the law allows".
export const COMPLAINT_RIGHTS: Readonly<Record<RegimeId, Readonly<Record<MailLocale, string>>>> = {
  gdpr: {
    en: 'You have the right to lodge a complaint with a data protection supervisory authority, in particular in the EU or EEA member state where you live, where you work or where you believe your rights were infringed (GDPR Art. 77), and the right to an effective judicial remedy before the courts (GDPR Art. 79).',
    de: 'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren, insbesondere in dem EU- oder EWR-Mitgliedstaat, in dem Sie wohnen, arbeiten oder in dem Ihre Rechte nach Ihrer Ansicht verletzt wurden (Art. 77 DSGVO), sowie das Recht auf einen wirksamen gerichtlichen Rechtsbehelf (Art. 79 DSGVO).',
  },
  uk_gdpr: {
    en: "You have the right to complain to the Information Commissioner's Office (ICO), the UK data protection regulator (ico.org.uk), and the right to seek to enforce your rights through the courts.",
    de: "Sie haben das Recht, sich beim Information Commissioner's Office (ICO), der Datenschutzaufsichtsbehörde des Vereinigten Königreichs (ico.org.uk), zu beschweren und Ihre Rechte gerichtlich durchzusetzen.",
  },
  ccpa: {
    en: 'If you believe we have not handled your request as the law requires, you may file a complaint with the California Privacy Protection Agency (cppa.ca.gov) or the California Attorney General (oag.ca.gov), and you may seek a remedy in court where the law allows.',
    de: 'Wenn Sie der Ansicht sind, dass wir Ihre Anfrage nicht gesetzeskonform bearbeitet haben, können Sie sich bei der California Privacy Protection Agency (cppa.ca.gov) oder beim kalifornischen Generalstaatsanwalt (Attorney General, oag.ca.gov) beschweren und, soweit das Gesetz es vorsieht, gerichtlich vorgehen.',
  },
  lgpd: {
    en: 'You have the right to petition the Brazilian National Data Protection Authority (ANPD, Autoridade Nacional de Proteção de Dados) about this decision (LGPD Art. 18 §1), and to defend your rights in court (LGPD Art. 22).',
    de: 'Sie haben das Recht, sich wegen dieser Entscheidung an die brasilianische Datenschutzbehörde ANPD (Autoridade Nacional de Proteção de Dados) zu wenden (Art. 18 § 1 LGPD) und Ihre Rechte gerichtlich geltend zu machen (Art. 22 LGPD).',
  },
  us_state: {
    en: 'If you believe we have not handled your request as the law requires, you may submit a complaint to the Attorney General of your state, and you may seek a remedy in court where the law of your state allows.',
    de: 'Wenn Sie der Ansicht sind, dass wir Ihre Anfrage nicht gesetzeskonform bearbeitet haben, können Sie sich beim Generalstaatsanwalt (Attorney General) Ihres Bundesstaats beschweren und, soweit das Recht Ihres Bundesstaats es vorsieht, gerichtlich vorgehen.',
  },
};

export function complaintRights(regime: RegimeId, locale: MailLocale): string {
  // Params are read back from outbox rows, so an unknown regime can arrive at run time: naming the
  // wrong regulator would mislead, so refuse to render.
  if (!Object.hasOwn(COMPLAINT_RIGHTS, regime)) {
    throw new TypeError(`Unknown regime "${String(regime)}"`);
  }
  return COMPLAINT_RIGHTS[regime][locale];
}
