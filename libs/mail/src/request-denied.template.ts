import type { DenyReason, RegimeId, RequestType } from '@rightsdesk/domain';
import { complaintRights } from './complaint-rights';
import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { freeTextParagraphs } from './free-text';
import { type MailLocale, resolveMailLocale } from './mail-locale';
import { requestTypeLabel } from './request-type-label';

export interface RequestDeniedParams {
  companyName: string;
  /** The full reference as shown to the data subject, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  /** The law that governs the request: it decides where the requester may complain. */
  regime: RegimeId;
  reason: DenyReason;
  /** The officer's message to the requester, plain text; each line becomes a paragraph. Required: it says why in this case. */
  message: string;
  statusUrl: string;
}

// GDPR Art. 12(4) and CCPA §7024(e): a refusal states its reason. Each code is explained in plain
// words; the officer's message adds the specifics of this request.
export const DENY_REASON_EXPLANATIONS: Readonly<Record<DenyReason, Readonly<Record<MailLocale, string>>>> = {
  identity_not_verified: {
    en: "We could not confirm that you are the person the data is about. To protect people's data, we can only act on a request when we can verify who is making it.",
    de: 'Wir konnten nicht bestätigen, dass Sie die Person sind, um deren Daten es geht. Zum Schutz personenbezogener Daten können wir eine Anfrage nur bearbeiten, wenn wir prüfen können, wer sie stellt.',
  },
  manifestly_unfounded: {
    en: 'We consider the request manifestly unfounded, and in that case the law does not oblige us to act on it.',
    de: 'Wir halten die Anfrage für offenkundig unbegründet; in diesem Fall sind wir gesetzlich nicht verpflichtet, ihr nachzukommen.',
  },
  excessive: {
    en: 'We consider the request excessive, in particular because it repeats requests made recently, and in that case the law does not oblige us to act on it.',
    de: 'Wir halten die Anfrage für exzessiv, insbesondere weil sie kürzlich gestellte Anfragen wiederholt; in diesem Fall sind wir gesetzlich nicht verpflichtet, ihr nachzukommen.',
  },
  legal_obligation: {
    en: 'A legal obligation, for example under tax or commercial law, requires us to keep the data concerned. We use it only for that purpose.',
    de: 'Eine gesetzliche Pflicht, zum Beispiel nach Steuer- oder Handelsrecht, verlangt, dass wir die betreffenden Daten aufbewahren. Wir verwenden sie nur für diesen Zweck.',
  },
  legal_claims: {
    en: 'We need the data concerned to establish, exercise or defend legal claims.',
    de: 'Wir benötigen die betreffenden Daten zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen.',
  },
  rights_of_others: {
    en: 'Doing what you asked would adversely affect the rights and freedoms of other people, for example by disclosing their personal data.',
    de: 'Ihrem Wunsch nachzukommen würde die Rechte und Freiheiten anderer Personen beeinträchtigen, zum Beispiel weil deren personenbezogene Daten offengelegt würden.',
  },
  not_covered: {
    en: 'The right you asked to exercise does not apply to this data, or not to us, under the law that governs your request.',
    de: 'Das Recht, das Sie geltend machen, gilt nach dem für Ihre Anfrage maßgeblichen Recht nicht für diese Daten oder nicht für uns.',
  },
  not_parent_or_guardian: {
    en: "We could not confirm that you are the child's parent or legal guardian, which we must know before we act on a child's data.",
    de: 'Wir konnten nicht bestätigen, dass Sie ein Elternteil oder der gesetzliche Vormund des Kindes sind; das müssen wir wissen, bevor wir die Daten eines Kindes bearbeiten.',
  },
  other: {
    en: 'Our privacy team explains the reasons in its message below.',
    de: 'Die Gründe erläutert unser Datenschutzteam in der folgenden Nachricht.',
  },
};

export function denyReasonExplanation(reason: DenyReason, locale: MailLocale): string {
  // Params are read back from outbox rows, so an unknown code can arrive at run time; a refusal
  // without its reason would not meet the law, so refuse to render.
  if (!Object.hasOwn(DENY_REASON_EXPLANATIONS, reason)) {
    throw new TypeError(`Unknown deny reason "${String(reason)}"`);
  }
  return DENY_REASON_EXPLANATIONS[reason][locale];
}

// Says what was decided, why (the reason code in plain words, then the officer's own words), and
// where to turn if the person disagrees: a complaint to the regulator of their law, and the courts.
export function renderRequestDeniedEmail(params: RequestDeniedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const why = denyReasonExplanation(params.reason, lang);
  const message = freeTextParagraphs(params.message);
  if (message.length === 0) {
    throw new RangeError("A refusal needs the officer's message to the requester");
  }
  const rights = complaintRights(params.regime, lang);
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Wir können Ihre Datenschutzanfrage ${reference} nicht ausführen`,
          preheader: `Unsere Entscheidung zu Ihrer Anfrage ${reference}, die Gründe und Ihr Recht auf Beschwerde.`,
          heading: 'Wir können Ihre Anfrage nicht ausführen',
          paragraphsBeforeAction: [
            `Wir haben Ihre Anfrage ${reference} geprüft. Gewünscht war: ${label}. Wir haben entschieden, ihr nicht nachzukommen.`,
            `Der Grund: ${why}`,
            'Unser Datenschutzteam schreibt dazu:',
            ...message,
            rights,
            'Wenn Sie mit dieser Entscheidung nicht einverstanden sind oder Fragen haben, können Sie sich auch an uns wenden.',
          ],
          action: { url: params.statusUrl, label: 'Status der Anfrage ansehen' },
          paragraphsAfterAction: ['Über den Link können Sie den Stand Ihrer Anfrage jederzeit einsehen; leiten Sie diese E-Mail nicht weiter.'],
        }
      : {
          ...base,
          subject: `We cannot carry out your privacy request ${reference}`,
          preheader: `Our decision on your request ${reference}, the reasons, and your right to complain.`,
          heading: 'We cannot carry out your request',
          paragraphsBeforeAction: [
            `We have reviewed your request for ${label} (reference ${reference}) and decided not to carry it out.`,
            `The reason: ${why}`,
            'Our privacy team writes:',
            ...message,
            rights,
            'If you disagree with this decision or have questions, you can also contact us.',
          ],
          action: { url: params.statusUrl, label: 'View request status' },
          paragraphsAfterAction: ['The link shows the status of your request at any time; do not forward this email.'],
        };
  return renderEmailLayout(content);
}
