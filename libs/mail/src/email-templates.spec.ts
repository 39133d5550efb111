import { EMAIL_TEMPLATE_NAMES, type EmailMessageSpec, renderEmail } from './email-catalogue';
import { type ExecutionFailedParams } from './execution-failed.template';
import { formatCalendarDate, formatHours, MAIL_LOCALES, resolveMailLocale } from './mail-locale';
import { type OfficerDigestParams } from './officer-digest.template';
import type { RequestType } from '@rightsdesk/domain';
import { type RequestCompletedParams } from './request-completed.template';
import { REQUEST_TYPE_LABELS } from './request-type-label';
import { type RequestVerifiedParams } from './request-verified.template';
import { type VerifyRequestParams } from './verify-request.template';

const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const HOSTILE = '<script>alert("x")</script>';

function aVerifyRequest(overrides: Partial<VerifyRequestParams> = {}): VerifyRequestParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'erasure',
    verifyUrl: 'https://privacy.acme.test/verify?token=abc123&r=RD-7K3M-Q9PX',
    expiresInHours: 24,
    ...overrides,
  };
}

function aRequestVerified(overrides: Partial<RequestVerifiedParams> = {}): RequestVerifiedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'access',
    statusUrl: 'https://privacy.acme.test/status?token=xyz789&r=RD-7K3M-Q9PX',
    dueOn: '2025-04-13',
    dueExplanation: 'The GDPR gives us one month from the day you confirmed.',
    ...overrides,
  };
}

// The access variant is the one request_completed variant with a link.
function aCompletedAccess(overrides: Partial<RequestCompletedParams> = {}): RequestCompletedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'access',
    downloadUrl: 'https://privacy.acme.test/download?token=pkg456&r=RD-7K3M-Q9PX',
    downloadExpiresOn: '2025-04-20',
    maxDownloads: 3,
    summary: { systems: 4 },
    ...overrides,
  };
}

function anExecutionFailed(overrides: Partial<ExecutionFailedParams> = {}): ExecutionFailedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'erasure',
    failedSystems: [{ system: 'crm_postgres', errorCode: 'ECONNREFUSED' }],
    dueOn: '2025-04-13',
    consoleUrl: 'https://console.acme.test/requests/RD-7K3M-Q9PX?tab=execution&x=1',
    ...overrides,
  };
}

const CLOCK_ACTION_PARAMS = {
  companyName: 'Acme GmbH',
  reference: 'RD-7K3M-Q9PX',
  requestType: 'access',
  statusUrl: 'https://privacy.acme.test/status?token=xyz789&r=RD-7K3M-Q9PX',
  dueOn: '2025-06-13',
} as const;

function clockActionSpecs(locale: EmailMessageSpec['locale']): EmailMessageSpec[] {
  return [
    { template: 'request_extended', locale, params: { ...CLOCK_ACTION_PARAMS, dueExplanation: 'extended by two further months', reason: 'Many systems to search.' } },
    { template: 'information_requested', locale, params: { ...CLOCK_ACTION_PARAMS, question: 'Which account?', clockPaused: true } },
    {
      template: 'requester_replied',
      locale,
      params: { companyName: 'Acme GmbH', reference: 'RD-7K3M-Q9PX', requestType: 'access', files: 1, dueOn: '2025-06-13', consoleUrl: 'https://console.acme.test/requests/1?x=1&y=2' },
    },
  ];
}

function aDigest(overrides: Partial<OfficerDigestParams> = {}): OfficerDigestParams {
  const none = { total: 0, items: [] };
  return {
    companyName: 'Acme GmbH',
    day: '2025-06-02',
    consoleUrl: 'https://console.acme.test/console?view=queue&x=1',
    overdue: { total: 1, items: [{ reference: 'RD-7K3M-Q9PX', requestType: 'erasure', dueOn: '2025-05-30', assignee: 'Ada' }] },
    dueSoon: none,
    failed: none,
    onHold: none,
    ...overrides,
  };
}

const DECISION_PARAMS = {
  companyName: 'Acme GmbH',
  reference: 'RD-7K3M-Q9PX',
  requestType: 'erasure',
  regime: 'gdpr',
  statusUrl: 'https://privacy.acme.test/status?token=xyz789&r=RD-7K3M-Q9PX',
} as const;

function decisionSpecs(locale: EmailMessageSpec['locale']): EmailMessageSpec[] {
  return [
    { template: 'request_denied', locale, params: { ...DECISION_PARAMS, reason: 'legal_obligation', message: 'Invoices must be kept.' } },
    { template: 'request_cancelled', locale, params: { ...DECISION_PARAMS, partlyCarriedOut: false } },
  ];
}

function specs(locale: EmailMessageSpec['locale']): EmailMessageSpec[] {
  return [
    { template: 'verify_request', locale, params: aVerifyRequest() },
    { template: 'request_verified', locale, params: aRequestVerified() },
    { template: 'request_completed', locale, params: aCompletedAccess() },
    { template: 'execution_failed', locale, params: anExecutionFailed() },
    ...decisionSpecs(locale),
    ...clockActionSpecs(locale),
    { template: 'officer_digest', locale, params: aDigest() },
  ];
}

function linkOf(spec: EmailMessageSpec): string {
  switch (spec.template) {
    case 'verify_request':
      return spec.params.verifyUrl;
    case 'request_verified':
      return spec.params.statusUrl;
    case 'request_completed':
      return spec.params.downloadUrl!;
    case 'execution_failed':
      return spec.params.consoleUrl;
    case 'request_denied':
    case 'request_cancelled':
    case 'request_extended':
    case 'information_requested':
      return spec.params.statusUrl;
    case 'requester_replied':
    case 'officer_digest':
      return spec.params.consoleUrl;
  }
}

function hostileVersionOf(spec: EmailMessageSpec): EmailMessageSpec {
  const hostile = { companyName: HOSTILE, reference: `RD-1 ${HOSTILE}` };
  switch (spec.template) {
    case 'verify_request':
      return {
        ...spec,
        params: aVerifyRequest({ ...hostile, verifyUrl: `https://privacy.acme.test/verify?t="><script>x</script>` }),
      };
    case 'request_verified':
      return {
        ...spec,
        params: aRequestVerified({
          ...hostile,
          statusUrl: `https://privacy.acme.test/status?t="><script>x</script>`,
          dueExplanation: HOSTILE,
        }),
      };
    case 'request_completed':
      return {
        ...spec,
        params: aCompletedAccess({
          ...hostile,
          downloadUrl: `https://privacy.acme.test/download?t="><script>x</script>`,
        }),
      };
    case 'execution_failed':
      return {
        ...spec,
        params: anExecutionFailed({
          ...hostile,
          failedSystems: [{ system: HOSTILE, errorCode: 'E1' }],
          consoleUrl: `https://privacy.acme.test/console?t="><script>x</script>`,
        }),
      };
    case 'request_denied':
      return { ...spec, params: { ...spec.params, ...hostile, statusUrl: `https://privacy.acme.test/status?t="><script>x</script>`, message: HOSTILE } };
    case 'request_cancelled':
      return { ...spec, params: { ...spec.params, ...hostile, statusUrl: `https://privacy.acme.test/status?t="><script>x</script>` } };
    case 'request_extended':
      return { ...spec, params: { ...spec.params, ...hostile, statusUrl: `https://privacy.acme.test/status?t="><script>x</script>`, reason: HOSTILE } };
    case 'information_requested':
      return { ...spec, params: { ...spec.params, ...hostile, statusUrl: `https://privacy.acme.test/status?t="><script>x</script>`, question: HOSTILE } };
    case 'requester_replied':
      return { ...spec, params: { ...spec.params, ...hostile, consoleUrl: `https://privacy.acme.test/console?t="><script>x</script>` } };
    case 'officer_digest':
      return {
        ...spec,
        params: aDigest({
          companyName: HOSTILE,
          consoleUrl: `https://privacy.acme.test/console?t="><script>x</script>`,
          failed: { total: 1, items: [{ reference: hostile.reference, requestType: 'access', dueOn: '2025-06-05', assignee: HOSTILE }] },
        }),
      };
  }
}

it('covers every template in the catalogue', () => {
  for (const locale of MAIL_LOCALES) {
    expect(specs(locale).map((spec) => spec.template)).toEqual(EMAIL_TEMPLATE_NAMES);
  }
});

describe.each(MAIL_LOCALES)('every template in %s', (locale) => {
  it.each(specs(locale).map((spec) => [spec.template, spec] as const))(
    '%s has the reference, both link forms, the company and a lang attribute',
    (_name, spec) => {
      const sut = renderEmail(spec);
      const url = linkOf(spec);
      const escapedUrl = url.replace(/&/g, '&amp;');

      // A digest's subject counts requests; every other email is about one reference.
      expect(spec.template === 'officer_digest' ? 'RD-7K3M-Q9PX' : sut.subject).toContain('RD-7K3M-Q9PX');
      expect(sut.text).toContain('RD-7K3M-Q9PX');
      expect(sut.html).toContain('RD-7K3M-Q9PX');
      expect(sut.text).toContain(url);
      expect(sut.html).toContain(`href="${escapedUrl}"`);
      expect(sut.html).toContain(`>${escapedUrl}</a>`);
      expect(sut.html).toContain(`<html lang="${locale}"`);
      expect(sut.text).toContain('Acme GmbH');
      expect(sut.html).toContain('Acme GmbH');
    },
  );

  it.each(specs(locale).map((spec) => [spec.template, spec] as const))(
    '%s has a text part without HTML tags and an HTML part with no external resources',
    (_name, spec) => {
      const sut = renderEmail(spec);

      expect(sut.text).not.toMatch(HTML_TAG);
      expect(sut.text).not.toMatch(/&(amp|lt|gt|quot|#39);/);
      expect(sut.html).not.toMatch(/<(img|link|script)\b/i);
      expect(sut.html).not.toMatch(/src=|url\(/i);
      expect(sut.html).toMatch(/<title>[^<]+<\/title>/);
    },
  );

  it.each(specs(locale).map((spec) => [spec.template, spec] as const))(
    '%s escapes hostile input in every interpolated value',
    (_name, spec) => {
      const sut = renderEmail(hostileVersionOf(spec));

      expect(sut.html).not.toMatch(/<script/i);
      expect(sut.html).toMatch(
        /href="https:\/\/privacy\.acme\.test\/\w+\?t=&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/,
      );
      expect(sut.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    },
  );
});

describe('verify_request', () => {
  it('asks for confirmation in English without saying whether data is held', () => {
    const sut = renderEmail({ template: 'verify_request', locale: 'en', params: aVerifyRequest() });

    expect(sut.subject).toBe('Confirm your privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain('We received a request for deletion of your data.');
    expect(sut.text).toContain('Nothing happens until you confirm');
    expect(sut.text).toContain('This link expires in 24 hours.');
    expect(sut.text).toContain('If you did not make this request, ignore this email — nothing will happen.');
    expect(sut.text).not.toMatch(/we (hold|have|store|found)|your account|records? (about|of) you/i);
  });

  it('asks for confirmation in German', () => {
    const sut = renderEmail({
      template: 'verify_request',
      locale: 'de',
      params: aVerifyRequest({ requestType: 'access', expiresInHours: 1 }),
    });

    expect(sut.subject).toBe('Bestätigen Sie Ihre Datenschutzanfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain('Gewünscht wird: eine Kopie Ihrer Daten.');
    expect(sut.text).toContain('Dieser Link läuft in 1 Stunde ab.');
    expect(sut.text).toContain('ignorieren Sie diese E-Mail');
    expect(sut.html).toContain('Anfrage bestätigen');
  });

  it.each(Object.keys(REQUEST_TYPE_LABELS) as RequestType[])(
    'uses the label for %s in both languages',
    (type) => {
      for (const locale of MAIL_LOCALES) {
        const sut = renderEmail({
          template: 'verify_request',
          locale,
          params: aVerifyRequest({ requestType: type }),
        });
        expect(sut.text).toContain(REQUEST_TYPE_LABELS[type][locale]);
        expect(sut.html).toContain(REQUEST_TYPE_LABELS[type][locale].replace(/'/g, '&#39;'));
      }
    },
  );

  it('refuses a link that is not http or https', () => {
    expect(() =>
      renderEmail({
        template: 'verify_request',
        locale: 'en',
        params: aVerifyRequest({ verifyUrl: 'javascript:alert(1)' }),
      }),
    ).toThrow(/http or https/);
  });

  it('keeps a line break in a value out of the subject', () => {
    const sut = renderEmail({
      template: 'verify_request',
      locale: 'en',
      params: aVerifyRequest({ reference: 'RD-1\r\nBcc: someone@example.test' }),
    });

    expect(sut.subject).toBe('Confirm your privacy request RD-1 Bcc: someone@example.test');
  });
});

describe('request_verified', () => {
  it('states the queue, the due date and the explanation in English', () => {
    const sut = renderEmail({ template: 'request_verified', locale: 'en', params: aRequestVerified() });

    expect(sut.subject).toBe('We are working on your privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain('Our privacy team is handling it now.');
    expect(sut.text).toContain(
      'We will respond by 13 April 2025. The GDPR gives us one month from the day you confirmed.',
    );
    expect(sut.html).toContain('13 April 2025');
  });

  it('states the due date in German', () => {
    const sut = renderEmail({
      template: 'request_verified',
      locale: 'de',
      params: aRequestVerified({ dueExplanation: 'Die DSGVO gibt uns einen Monat.' }),
    });

    expect(sut.subject).toBe('Wir bearbeiten Ihre Datenschutzanfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain(
      'Wir antworten spätestens bis zum 13. April 2025. Die DSGVO gibt uns einen Monat.',
    );
    expect(sut.text).toContain('Unser Datenschutzteam bearbeitet sie nun.');
  });

  it('refuses a due date that is not a calendar date', () => {
    expect(() =>
      renderEmail({
        template: 'request_verified',
        locale: 'en',
        params: aRequestVerified({ dueOn: '2025-02-30' }),
      }),
    ).toThrow(RangeError);
  });
});

describe('renderEmail', () => {
  it('falls back to English for a locale it has no translation for', () => {
    const spec = {
      template: 'verify_request',
      locale: 'fr',
      params: aVerifyRequest(),
    } as unknown as EmailMessageSpec;

    const sut = renderEmail(spec);

    expect(sut.subject).toBe('Confirm your privacy request RD-7K3M-Q9PX');
    expect(sut.html).toContain('<html lang="en"');
  });

  it('throws on a template name read back from storage that no longer exists', () => {
    const spec = { template: 'gone', locale: 'en', params: {} } as unknown as EmailMessageSpec;

    expect(() => renderEmail(spec)).toThrow('Unknown email template "gone"');
  });
});

describe('mail locale helpers', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE_de', 'de'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ])('resolves %p to %p', (input, expected) => {
    expect(resolveMailLocale(input)).toBe(expected);
  });

  it('formats calendar dates and hours per locale', () => {
    expect(formatCalendarDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatCalendarDate('2025-01-01', 'de')).toBe('1. Januar 2025');
    expect(formatHours(48, 'en')).toBe('48 hours');
    expect(formatHours(48, 'de')).toBe('48 Stunden');
    expect(() => formatHours(0, 'en')).toThrow(RangeError);
  });
});
