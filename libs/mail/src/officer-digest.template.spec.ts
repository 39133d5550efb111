import { renderEmail } from './email-catalogue';
import { type OfficerDigestItem, type OfficerDigestParams } from './officer-digest.template';

const HOSTILE = '<script>alert("x")</script>';
const CONSOLE_URL = 'https://privacy.acme.test/console?view=queue&x=1';

function item(n: number, overrides: Partial<OfficerDigestItem> = {}): OfficerDigestItem {
  return { reference: `RD-AAAA-BBBB-CCCC-${String(n).padStart(4, '0')}`, requestType: 'erasure', dueOn: '2026-12-01', assignee: null, ...overrides };
}

function aDigest(overrides: Partial<OfficerDigestParams> = {}): OfficerDigestParams {
  return {
    companyName: 'Acme GmbH',
    day: '2026-11-25',
    consoleUrl: CONSOLE_URL,
    overdue: { total: 1, items: [item(1, { dueOn: '2026-11-20', assignee: 'Ada Lovelace' })] },
    dueSoon: { total: 2, items: [item(2, { requestType: 'access', dueOn: '2026-11-27' }), item(3, { requestType: 'child_data_removal' })] },
    failed: { total: 0, items: [] },
    onHold: { total: 1, items: [item(4, { requestType: 'opt_out', dueOn: '2026-12-10', assignee: 'Grace Hopper' })] },
    ...overrides,
  };
}

const render = (params: OfficerDigestParams, locale: 'en' | 'de' = 'en') => renderEmail({ template: 'officer_digest', locale, params });

describe('officer_digest', () => {
  it('counts each section in the subject and lists every request with type, due date and assignee', () => {
    const sut = render(aDigest());

    expect(sut.subject).toBe('Privacy requests digest for 25 November 2026: 1 overdue, 2 due within 7 days, 1 on hold');
    const text = sut.text;
    expect(text).toContain('Overdue: 1\n\nRD-AAAA-BBBB-CCCC-0001 — erasure — due 20 November 2026 — assigned to Ada Lovelace');
    expect(text).toContain('Due within 7 days: 2\n\nRD-AAAA-BBBB-CCCC-0002 — access — due 27 November 2026 — unassigned');
    expect(text).toContain('RD-AAAA-BBBB-CCCC-0003 — child data removal — due 1 December 2026 — unassigned');
    expect(text).toContain('Failed in execution: none.');
    expect(text).toContain('On hold, waiting for the requester: 1\n\nRD-AAAA-BBBB-CCCC-0004 — opt-out — due 10 December 2026 — assigned to Grace Hopper');
    // Sections in a fixed order: what is late first.
    expect(text.indexOf('Overdue:')).toBeLessThan(text.indexOf('Due within 7 days:'));
    expect(text.indexOf('Due within 7 days:')).toBeLessThan(text.indexOf('Failed in execution:'));
    expect(text.indexOf('Failed in execution:')).toBeLessThan(text.indexOf('On hold'));
    expect(text).toContain(`Open the console:\n${CONSOLE_URL}`);
    expect(sut.html).toContain(`href="${CONSOLE_URL.replace(/&/g, '&amp;')}"`);
    expect(text).toContain('Sent to the privacy team of Acme GmbH');
  });

  it('says how many more a section holds than it lists', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(i));
    const sut = render(aDigest({ overdue: { total: 23, items } }));

    expect(sut.text).toContain('Overdue: 23');
    expect(sut.text).toContain('… and 3 more in the console.');
    expect(sut.text.match(/^RD-AAAA-BBBB-CCCC-00\d\d — erasure/gm)).toHaveLength(20);
  });

  it('says so when nothing needs attention', () => {
    const none = { total: 0, items: [] };
    const sut = render(aDigest({ overdue: none, dueSoon: none, failed: none, onHold: none }));

    expect(sut.subject).toBe('Privacy requests digest for 25 November 2026: nothing needs attention');
    expect(sut.text).toContain('Overdue: none.');
  });

  it('renders in German when asked, although the digest is sent in English', () => {
    const sut = render(aDigest(), 'de');

    expect(sut.subject).toBe('Übersicht der Datenschutzanfragen am 25. November 2026: 1 überfällig, 2 in 7 Tagen fällig, 1 angehalten');
    expect(sut.text).toContain('RD-AAAA-BBBB-CCCC-0001 — Löschung — fällig am 20. November 2026 — zugewiesen an Ada Lovelace');
    expect(sut.text).toContain('Bei der Ausführung fehlgeschlagen: keine.');
  });

  it('escapes hostile names and keeps line breaks out of lines', () => {
    const sut = render(aDigest({ companyName: HOSTILE, overdue: { total: 1, items: [item(1, { assignee: `Eve\n${HOSTILE}`, reference: `RD-1 ${HOSTILE}` })] } }));

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('assigned to Eve &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.text).toContain(`RD-1 ${HOSTILE} — erasure — due 1 December 2026 — assigned to Eve ${HOSTILE}`);
  });

  it('refuses a bad day, a bad due date or a bad console link', () => {
    expect(() => render(aDigest({ day: '25/11/2026' }))).toThrow(RangeError);
    expect(() => render(aDigest({ overdue: { total: 1, items: [item(1, { dueOn: '2026-02-30' })] } }))).toThrow(RangeError);
    expect(() => render(aDigest({ consoleUrl: 'javascript:alert(1)' }))).toThrow(/http or https/);
  });
});
