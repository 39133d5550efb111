import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { renderEmail } from './email-catalogue';
import { linkifyText, renderMailboxPage } from './mailbox-page';
import { isMailboxId, listMailbox, type MailboxMessage, readMailboxMessage } from './mailbox-reader';

// Real MIME from Nodemailer's own composer, the same bytes an SMTP sink would store.
async function rawMessage(options: {
  to: string;
  subject: string;
  text: string;
  html?: string;
}): Promise<Buffer> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail({ from: 'Acme Privacy <privacy@acme.test>', ...options });
  if (!Buffer.isBuffer(info.message)) {
    throw new Error('expected a buffered message');
  }
  return info.message;
}

async function store(dir: string, id: string, raw: Buffer, receivedAt: Date): Promise<void> {
  const file = path.join(dir, `${id}.eml`);
  await writeFile(file, raw);
  await utimes(file, receivedAt, receivedAt);
}

describe('mailbox reader', () => {
  let root: string;
  let dir: string;
  const verifyUrl = 'https://privacy.acme.test/verify?token=abc&r=RD-1';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rightsdesk-mailbox-'));
    dir = path.join(root, 'mailbox');
    await mkdir(dir);
    const verify = renderEmail({
      template: 'verify_request',
      locale: 'en',
      params: {
        companyName: 'Acme',
        reference: 'RD-1',
        requestType: 'erasure',
        verifyUrl,
        expiresInHours: 24,
      },
    });
    await store(
      dir,
      'msg-001',
      await rawMessage({ to: 'first@example.test', subject: 'first', text: 'one' }),
      new Date('2025-03-01T10:00:00Z'),
    );
    await store(
      dir,
      'msg-003',
      await rawMessage({ to: 'third@example.test', ...verify }),
      new Date('2025-03-03T10:00:00Z'),
    );
    await store(
      dir,
      'msg-002',
      await rawMessage({ to: 'second@example.test', subject: 'second', text: 'two', html: '<p>two</p>' }),
      new Date('2025-03-02T10:00:00Z'),
    );
    // Things the list must skip: a name outside the allowed characters, a non-.eml file, a folder.
    await writeFile(
      path.join(dir, 'bad name.eml'),
      await rawMessage({ to: 'x@example.test', subject: 'bad', text: 'x' }),
    );
    await writeFile(path.join(dir, 'notes.txt'), 'not mail');
    await mkdir(path.join(dir, 'folder.eml'));
    // A message outside the mailbox, reachable only by path traversal or a symbolic link.
    await writeFile(
      path.join(root, 'secret.eml'),
      await rawMessage({ to: 'secret@example.test', subject: 'secret', text: 'secret' }),
    );
    await symlink(path.join(root, 'secret.eml'), path.join(dir, 'linked.eml'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists messages newest first with their headers', async () => {
    const sut = await listMailbox(dir);

    expect(sut.map((entry) => entry.id)).toEqual(['msg-003', 'msg-002', 'msg-001']);
    expect(sut[1]).toEqual({
      id: 'msg-002',
      receivedAt: new Date('2025-03-02T10:00:00Z'),
      from: '"Acme Privacy" <privacy@acme.test>',
      to: 'second@example.test',
      subject: 'second',
    });
    expect(sut[0].subject).toBe('Confirm your privacy request RD-1');
  });

  it('stops at the limit', async () => {
    const sut = await listMailbox(dir, 2);

    expect(sut.map((entry) => entry.id)).toEqual(['msg-003', 'msg-002']);
  });

  it('treats a mailbox folder that does not exist yet as empty', async () => {
    await expect(listMailbox(path.join(root, 'nothing-sent-yet'))).resolves.toEqual([]);
  });

  it('reads one message with its text and HTML parts', async () => {
    const sut = await readMailboxMessage(dir, 'msg-003');

    expect(sut).toMatchObject({
      id: 'msg-003',
      to: 'third@example.test',
      subject: 'Confirm your privacy request RD-1',
    });
    expect(sut?.text).toContain(verifyUrl);
    expect(sut?.html).toContain('<html lang="en"');
  });

  it('gives null for the HTML of a text-only message and for an unknown id', async () => {
    await expect(readMailboxMessage(dir, 'msg-001')).resolves.toMatchObject({ text: 'one\n', html: null });
    await expect(readMailboxMessage(dir, 'msg-404')).resolves.toBeNull();
    await expect(readMailboxMessage(path.join(root, 'nothing-sent-yet'), 'msg-001')).resolves.toBeNull();
  });

  it.each([
    '../secret',
    '..',
    '.',
    '',
    'mailbox/../secret',
    '..%2Fsecret',
    'a/b',
    'a\\b',
    '/etc/passwd',
    'linked',
    'folder',
    'msg-001.eml\0',
  ])('refuses id %p', async (id) => {
    await expect(readMailboxMessage(dir, id)).resolves.toBeNull();
  });

  it('accepts only single path segments of safe characters as ids', () => {
    expect(isMailboxId('1731000000000-outbox_42.v1')).toBe(true);
    expect(isMailboxId('a..b')).toBe(false);
    expect(isMailboxId('a b')).toBe(false);
  });
});

describe('renderMailboxPage', () => {
  const receivedAt = new Date('2025-03-03T10:00:00Z');
  const hostileHtml = `<p title="x">hi</p><script>alert(1)</script><a href='https://evil.test'>x</a>`;
  const selected: MailboxMessage = {
    id: 'msg-003',
    receivedAt,
    from: 'Acme <privacy@acme.test>',
    to: '<script>to</script>@example.test',
    subject: 'Confirm <b>now</b>',
    text: 'Confirm here: https://privacy.acme.test/verify?token=abc&r=1.\nThanks',
    html: hostileHtml,
  };

  it('lists messages with links and marks the selected one', () => {
    const sut = renderMailboxPage(
      [
        { id: 'msg-003', receivedAt, from: 'a', to: 'b@example.test', subject: 'third' },
        { id: 'msg-002', receivedAt, from: 'a', to: 'c@example.test', subject: '' },
      ],
      selected,
    );

    expect(sut).toContain('<title>Local mailbox (demo only)</title>');
    expect(sut).toContain('<a href="?id=msg-003" aria-current="true">');
    expect(sut).toContain('<a href="?id=msg-002">');
    expect(sut).toContain('(no subject)');
    expect(sut).toContain('<time datetime="2025-03-03T10:00:00.000Z">2025-03-03 10:00:00 UTC</time>');
  });

  it('puts the HTML part in a sandboxed iframe with an escaped srcdoc and nothing runnable on the page', () => {
    const sut = renderMailboxPage([], selected);

    const srcdoc = /<iframe sandbox [^>]*srcdoc="([^"]*)"><\/iframe>/.exec(sut)?.[1];
    expect(srcdoc).toBeDefined();
    const decoded = srcdoc!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(hostileHtml);
    expect(sut).not.toMatch(/<script/i);
    expect(sut).not.toMatch(/<link\b|src="http/i);
    expect(sut).toContain('Confirm &lt;b&gt;now&lt;/b&gt;');
    expect(sut).toContain('&lt;script&gt;to&lt;/script&gt;@example.test');
  });

  it('makes links in the text part clickable and leaves out the iframe for a text-only message', () => {
    const sut = renderMailboxPage([], { ...selected, html: null });

    expect(sut).toContain(
      'Confirm here: <a href="https://privacy.acme.test/verify?token=abc&amp;r=1" rel="noreferrer noopener">https://privacy.acme.test/verify?token=abc&amp;r=1</a>.\nThanks',
    );
    expect(sut).not.toContain('<iframe');
  });

  it('shows an empty mailbox', () => {
    const sut = renderMailboxPage([]);

    expect(sut).toContain('No messages yet.');
    expect(sut).toContain('Messages (0)');
  });

  it('does not turn a javascript: URL or markup in the text into a link', () => {
    expect(linkifyText('javascript:alert(1) <a href="x">y</a>')).toBe(
      'javascript:alert(1) &lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;',
    );
  });
});
