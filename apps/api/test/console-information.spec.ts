import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { DatabaseTransactions, RequestAttachmentRepository } from '@rightsdesk/data-access';
import { AuditTrail } from '@rightsdesk/workflow';
import { type ApiHarness, deliverOutbox, emailTo, startApi } from './api-harness';
import { auditOf, aVerifiedRequest, type FiledRequest, messagesOf, statusTokenOf, stored } from './clock-actions-fixtures';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import { type FormPart, multipartPayload, SAMPLE_FILES } from './multipart-payload';

const RECEIVED = '2026-11-25T10:00:00.000Z';
const MAX_BYTES = 64 * 1024;

describe('information requests and the requester’s answers', () => {
  let h: ApiHarness;
  let account: TestOfficer;
  let officer: ConsoleSession;

  beforeAll(async () => {
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent', UPLOAD_MAX_BYTES: String(MAX_BYTES), UPLOAD_MAX_FILES: '3' });
    account = await anOfficer(h, 'officer');
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Moves the clock; sessions end when idle, so the officer signs in again on the new day. */
  async function at(iso: string): Promise<void> {
    h.clock.set(iso);
    officer = await signIn(h, account);
  }

  beforeEach(async () => {
    await at(RECEIVED);
  });

  const ask = (session: ConsoleSession, id: string, question: unknown = 'Which customer number is this about?') =>
    session.post(`/api/v1/console/requests/${id}/information-request`, { question });

  /** Asks, and returns the status token from the question's email (the link the requester answers through). */
  async function askAndGetToken(request: FiledRequest, question = 'Which customer number is this about?'): Promise<string> {
    const response = await ask(officer, request.id, question);
    expect(response.statusCode).toBe(200);
    return statusTokenOf(await emailTo(h, request.email, /need information|benötigen Angaben/));
  }

  const replyJson = (reference: string, token: string | undefined, body: unknown) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${reference}/replies`,
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-status-token': token }) },
      payload: JSON.stringify(body),
    });

  const replyForm = (reference: string, token: string, parts: FormPart[]) => {
    const { payload, contentType } = multipartPayload(parts);
    return h.app.inject({ method: 'POST', url: `/api/v1/requests/${reference}/replies`, headers: { 'content-type': contentType, 'x-status-token': token }, payload });
  };

  async function attachmentsOf(requestId: string) {
    return h.app
      .get(DataSource)
      .query<Array<{ id: string; content_type: string; bytes: number; sha256: string; content: Buffer | null; file_name: Buffer | null }>>(
        `SELECT id, content_type, bytes, sha256, content, file_name FROM request_attachment WHERE request_id = $1 ORDER BY created_at, id`,
        [requestId],
      );
  }

  it('GDPR: the hold pauses the clock; the answer resumes it ten days later, ten days later than before', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    await at('2026-12-01T09:00:00.000Z');

    const response = await ask(officer, request.id, 'Which customer number is this about?\nIt is on your invoices.');

    expect(response.statusCode).toBe(200);
    const explanation = 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25';
    expect(response.json()).toEqual({ id: request.id, status: 'on_hold', dueOn: '2026-12-25', dueExplanation: explanation, clockPaused: true, messageId: expect.any(String) });
    expect(await stored(h, request.id)).toMatchObject({ status: 'on_hold', holds: [{ from: '2026-12-01' }], due_on: '2026-12-25' });
    const [question] = await messagesOf(h, request.id);
    expect(question).toMatchObject({ kind: 'information_request', author_type: 'officer', author_id: account.id, text: 'Which customer number is this about?\nIt is on your invoices.' });
    expect(question.raw.toString('latin1')).not.toContain('customer number');
    expect(await auditOf(h, request.id, 'information_requested')).toEqual([
      { action: 'information_requested', actor_type: 'officer', actor_id: account.id, from_status: 'awaiting_review', to_status: 'on_hold', data: { messageId: question.id } },
    ]);

    const mail = await emailTo(h, request.email, /need information/);
    expect(mail.subject).toBe(`We need information for your privacy request ${request.reference}`);
    expect(mail.text).toContain('Which customer number is this about?\n\nIt is on your invoices.');
    expect(mail.text).toContain('Until your answer arrives, the deadline for our response is paused.');
    const token = statusTokenOf(mail);

    // The status page (the privacy center's, from the email's link) shows the question from the
    // status answer, and answers it through the replies endpoint.
    const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${request.reference}`, headers: { 'x-status-token': token } });
    expect(status.json()).toMatchObject({ status: 'on_hold', openQuestion: 'Which customer number is this about?\nIt is on your invoices.' });
    const page = await h.app.inject({ method: 'GET', url: `/requests/status?${new URLSearchParams({ ref: request.reference, token }).toString()}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');

    h.clock.set('2026-12-11T15:00:00.000Z');
    const answer = await replyJson(request.reference, token, { message: 'It is 4711-0815.' });

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ reference: request.reference, status: 'awaiting_review', files: 0 });
    // 2026-12-25 plus the ten days from 1 to 11 December.
    expect(await stored(h, request.id)).toMatchObject({
      status: 'awaiting_review',
      holds: [{ from: '2026-12-01', to: '2026-12-11' }],
      due_on: '2027-01-04',
      due_explanation: 'due 2027-01-04: GDPR Art. 12(3), one month from receipt on 2026-11-25, plus 10 days paused while waiting for the requester',
    });
    const reply = (await messagesOf(h, request.id))[1];
    expect(reply).toMatchObject({ kind: 'requester_reply', author_type: 'requester', author_id: null, text: 'It is 4711-0815.' });
    expect(reply.raw.toString('latin1')).not.toContain('4711');
    expect(await auditOf(h, request.id, 'information_received')).toEqual([
      { action: 'information_received', actor_type: 'requester', actor_id: null, from_status: 'on_hold', to_status: 'awaiting_review', data: { messageId: reply.id, files: 0, attachmentIds: [] } },
    ]);

    // Nobody is assigned: the team's address hears that an answer came, and nothing of what it says.
    const notice = await emailTo(h, h.config.officers.email, new RegExp(`Answer received: request ${request.reference}`));
    expect(notice.text).toContain('has arrived. The request is back in review');
    expect(notice.text).toContain('It is due on 4 January 2027.');
    expect(notice.text).toContain(`/console/requests/${request.id}`);
    expect(`${notice.text ?? ''}${notice.html || ''}`).not.toMatch(/4711|@example\.com/);

    const again = await replyJson(request.reference, token, { message: 'Once more.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('illegal_transition');
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('CCPA: the clock keeps running while a child-data-removal filer is asked for proof of age', async () => {
    const request = await aVerifiedRequest(h, {
      type: 'child_data_removal',
      country: 'US',
      region: 'CA',
      details: { child: { username: 'skater2015' }, relationship: 'parent', childAge: 11 },
    });
    expect((await stored(h, request.id)).due_on).toBe('2027-01-09');
    await at('2026-12-01T09:00:00.000Z');

    const response = await ask(officer, request.id, 'Please send proof of your child’s age, such as a birth certificate.');

    expect(response.json()).toMatchObject({ status: 'on_hold', dueOn: '2027-01-09', clockPaused: false });
    const mail = await emailTo(h, request.email, /need information/);
    expect(mail.text).toContain('Please send proof of your child’s age, such as a birth certificate.');
    expect(mail.text).toContain('We will still respond by 9 January 2027.');

    h.clock.set('2026-12-11T15:00:00.000Z');
    const pdf = SAMPLE_FILES.pdf('BIRTH-CERTIFICATE');
    const answer = await replyForm(request.reference, statusTokenOf(mail), [
      { name: 'message', value: 'Attached.' },
      { name: 'files', filename: 'birth-certificate.pdf', type: 'application/pdf', content: pdf },
    ]);

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ reference: request.reference, status: 'awaiting_review', files: 1 });
    const after = await stored(h, request.id);
    expect(after).toMatchObject({ status: 'awaiting_review', due_on: '2027-01-09', holds: [{ from: '2026-12-01', to: '2026-12-11' }] });
    expect(after.due_explanation).toContain('the clock keeps running while on hold');
    expect(after.due_explanation).not.toContain('paused');
  });

  it('asks in German for a German request', async () => {
    const request = await aVerifiedRequest(h, { type: 'erasure', country: 'AT', language: 'de' });

    await askAndGetToken(request, 'Welche Kundennummer ist gemeint?');

    const mail = await emailTo(h, request.email, /benötigen Angaben/);
    expect(mail.subject).toBe(`Wir benötigen Angaben zu Ihrer Datenschutzanfrage ${request.reference}`);
    expect(mail.text).toContain('Welche Kundennummer ist gemeint?');
    expect(mail.text).toContain('Bis Ihre Antwort eingeht, ruht die Frist für unsere Antwort.');
  });

  it('tells the assignee rather than the team, and withdraws a four-eyes proposal when asking', async () => {
    const assignee = await anOfficer(h, 'officer');
    const request = await aVerifiedRequest(h, { type: 'erasure', country: 'DE' });
    await h.app.get(DataSource).query(`UPDATE privacy_request SET assignee_id = $2, approval_proposed_by = $2, approval_proposed_at = now() WHERE id = $1`, [request.id, assignee.id]);

    const token = await askAndGetToken(request);

    expect(await stored(h, request.id)).toMatchObject({ approval_proposed_by: null });
    expect((await auditOf(h, request.id, 'information_requested'))[0].data).toMatchObject({ approvalProposalWithdrawn: true });
    expect((await replyJson(request.reference, token, { message: 'Number 12.' })).statusCode).toBe(201);
    const notice = await emailTo(h, assignee.email, /Answer received/);
    expect(notice.subject).toBe(`Answer received: request ${request.reference}`);
    await deliverOutbox(h);
    expect(h.sink.messagesTo(h.config.officers.email).filter((m) => (m.subject ?? '').includes(request.reference))).toEqual([]);
  });

  it('takes PDF, PNG and JPEG files, stores them encrypted, and lets an officer and an auditor download them', async () => {
    const request = await aVerifiedRequest(h, { type: 'child_data_removal', country: 'DE', details: { child: { name: 'Kim' }, relationship: 'parent', childAge: 9 } });
    const token = await askAndGetToken(request, 'Please send proof of age.');
    const files = {
      pdf: SAMPLE_FILES.pdf('PLAINTEXT-PDF-MARKER'),
      png: SAMPLE_FILES.png('PLAINTEXT-PNG-MARKER'),
      jpeg: SAMPLE_FILES.jpeg('PLAINTEXT-JPEG-MARKER'),
    };

    const answer = await replyForm(request.reference, token, [
      { name: 'message', value: 'Here are the documents.' },
      { name: 'files', filename: 'Geburtsurkunde Müller & Kim; v2.pdf', type: 'application/pdf', content: files.pdf },
      { name: 'files', filename: 'C:\\Users\\kim\\passport.png', type: 'image/png', content: files.png },
      { name: 'files', filename: 'photo.jpeg', type: 'application/octet-stream', content: files.jpeg },
    ]);

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ status: 'awaiting_review', files: 3 });
    // One transaction stamps all three alike; put them in upload order by type.
    const order = ['application/pdf', 'image/png', 'image/jpeg'];
    const rows = (await attachmentsOf(request.id)).sort((a, b) => order.indexOf(a.content_type) - order.indexOf(b.content_type));
    expect(rows.map((r) => [r.content_type, r.bytes, r.sha256])).toEqual([
      ['application/pdf', files.pdf.length, createHash('sha256').update(files.pdf).digest('hex')],
      ['image/png', files.png.length, createHash('sha256').update(files.png).digest('hex')],
      ['image/jpeg', files.jpeg.length, createHash('sha256').update(files.jpeg).digest('hex')],
    ]);
    for (const row of rows) {
      expect(row.content?.toString('latin1')).not.toMatch(/PLAINTEXT-|%PDF|IHDR|JFIF/);
      expect(row.file_name?.toString('latin1')).not.toMatch(/Geburtsurkunde|passport|photo/);
      expect(row.file_name?.toString('utf8')).not.toMatch(/Geburtsurkunde|passport|photo/);
    }
    const [event] = await auditOf(h, request.id, 'information_received');
    expect(event.data).toEqual({ messageId: expect.any(String), files: 3, attachmentIds: expect.arrayContaining(rows.map((r) => r.id)) });

    const auditor = await signIn(h, await anOfficer(h, 'auditor'));
    for (const [session, role] of [[officer, 'officer'], [auditor, 'auditor']] as const) {
      const pdf = await session.get(`/api/v1/console/requests/${request.id}/attachments/${rows[0].id}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.equals(files.pdf)).toBe(true);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="Geburtsurkunde M_ller _ Kim_ v2.pdf"; filename*=UTF-8''Geburtsurkunde%20M%C3%BCller%20%26%20Kim%3B%20v2.pdf`,
      );
      expect(pdf.headers['x-content-type-options']).toBe('nosniff');
      expect(pdf.headers['cache-control']).toBe('no-store');
      const png = await session.get(`/api/v1/console/requests/${request.id}/attachments/${rows[1].id}`);
      expect(png.rawPayload.equals(files.png)).toBe(true);
      expect(png.headers['content-disposition']).toContain('filename="passport.png"');
      const jpeg = await session.get(`/api/v1/console/requests/${request.id}/attachments/${rows[2].id}`);
      expect(jpeg.headers['content-type']).toBe('image/jpeg');
      expect(jpeg.headers['content-disposition']).toContain('filename="photo.jpeg"');
      expect(role).toBeDefined();
    }
    const viewed = await auditOf(h, request.id, 'attachment_viewed');
    expect(viewed).toHaveLength(6);
    expect(viewed[0]).toMatchObject({ actor_type: 'officer', actor_id: account.id, data: { attachmentId: rows[0].id } });
    expect(viewed[3]).toMatchObject({ actor_id: auditor.officer.id, data: { attachmentId: rows[0].id } });

    // Once the request is decided the contents are erased: the file is gone (410), the record stays.
    await h.app.get(DatabaseTransactions).run((tx) => h.app.get(RequestAttachmentRepository).eraseContents(tx, request.id, h.clock.now()));
    const gone = await officer.get(`/api/v1/console/requests/${request.id}/attachments/${rows[0].id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('package_unavailable');
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('refuses a file whose bytes are not what it claims, or not PDF, PNG or JPEG, and changes nothing', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const token = await askAndGetToken(request);

    const html = await replyForm(request.reference, token, [
      { name: 'message', value: 'See file.' },
      { name: 'files', filename: 'proof.png', type: 'image/png', content: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    const mislabelled = await replyForm(request.reference, token, [
      { name: 'message', value: 'See file.' },
      { name: 'files', filename: 'proof.pdf', type: 'application/pdf', content: SAMPLE_FILES.png('x') },
    ]);
    const gif = await replyForm(request.reference, token, [
      { name: 'files', filename: 'ok.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf('ok') },
      { name: 'files', filename: 'anim.gif', type: 'image/gif', content: Buffer.from('GIF89a....') },
    ]);

    for (const response of [html, mislabelled]) {
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'files.0', code: 'invalid_type', message: 'Must be a PDF, PNG or JPEG file.' }] });
    }
    expect(gif.statusCode).toBe(422);
    expect(gif.json().fieldErrors).toEqual([{ path: 'files.1', code: 'invalid_type', message: 'Must be a PDF, PNG or JPEG file.' }]);
    expect(await stored(h, request.id)).toMatchObject({ status: 'on_hold' });
    expect(await attachmentsOf(request.id)).toEqual([]);
    expect((await messagesOf(h, request.id)).map((m) => m.kind)).toEqual(['information_request']);
  });

  it('refuses a file over the size limit and more files than allowed (413), and changes nothing', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const token = await askAndGetToken(request);
    const big = Buffer.concat([SAMPLE_FILES.pdf('big'), Buffer.alloc(MAX_BYTES, 0x20)]);

    const tooBig = await replyForm(request.reference, token, [
      { name: 'message', value: 'Big file.' },
      { name: 'files', filename: 'big.pdf', type: 'application/pdf', content: big },
    ]);
    const tooMany = await replyForm(request.reference, token, [
      { name: 'message', value: 'Many files.' },
      ...[1, 2, 3, 4].map((n) => ({ name: 'files', filename: `page-${n}.pdf`, type: 'application/pdf', content: SAMPLE_FILES.pdf(`page ${n}`) })),
    ]);
    const atTheLimit = Buffer.concat([SAMPLE_FILES.pdf('limit'), Buffer.alloc(MAX_BYTES - SAMPLE_FILES.pdf('limit').length, 0x20)]);

    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large', fieldErrors: [{ path: 'files.0', code: 'too_big' }] });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ code: 'payload_too_large', fieldErrors: [{ path: 'files', code: 'too_long' }] });
    expect(await stored(h, request.id)).toMatchObject({ status: 'on_hold' });
    expect(await attachmentsOf(request.id)).toEqual([]);

    const exactly = await replyForm(request.reference, token, [{ name: 'files', filename: 'limit.pdf', type: 'application/pdf', content: atTheLimit }]);
    expect(exactly.statusCode).toBe(201);
    expect((await attachmentsOf(request.id))[0].bytes).toBe(MAX_BYTES);
  });

  it('refuses a large upload over real HTTP while it streams, without reading it into memory', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const token = await askAndGetToken(request);
    await h.app.listen(0, '127.0.0.1');
    const { port } = h.app.getHttpServer().address() as AddressInfo;
    const boundary = 'rightsdesk-stream-test';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    // 32 MB, 500 times the limit, sent in chunks as a browser would.
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const chunks = 128;

    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: `/api/v1/requests/${request.reference}/replies`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-status-token': token } },
        (response) => {
          let body = '';
          response.on('data', (data: Buffer) => (body += data.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      outgoing.write(head);
      let sent = 0;
      const pump = () => {
        while (sent < chunks) {
          sent += 1;
          if (!outgoing.write(chunk)) {
            outgoing.once('drain', pump);
            return;
          }
        }
        outgoing.end(Buffer.from(`\r\n--${boundary}--\r\n`));
      };
      pump();
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
    expect(await stored(h, request.id)).toMatchObject({ status: 'on_hold' });
  });

  it('validates the answer and takes JSON or a form only', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const token = await askAndGetToken(request);

    for (const body of [{}, { message: '' }, { message: 'x'.repeat(5001) }, { message: 'ok', files: [] }]) {
      const response = await replyJson(request.reference, token, body);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('validation_failed');
    }
    const emptyForm = await replyForm(request.reference, token, [{ name: 'message', value: '  ' }]);
    expect(emptyForm.statusCode).toBe(422);
    expect(emptyForm.json().fieldErrors).toEqual([{ path: 'message', code: 'required', message: 'Write an answer or attach a file.' }]);
    const strayField = await replyForm(request.reference, token, [{ name: 'message', value: 'ok' }, { name: 'status', value: 'approved' }]);
    expect(strayField.statusCode).toBe(422);
    expect(strayField.json().fieldErrors).toEqual([{ path: 'status', code: 'unknown_field', message: 'This field is not accepted.' }]);
    const text = await h.app.inject({ method: 'POST', url: `/api/v1/requests/${request.reference}/replies`, headers: { 'content-type': 'text/plain', 'x-status-token': token }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    // Multipart is for answers only: every other API route still takes JSON alone.
    const { payload, contentType } = multipartPayload([{ name: 'type', value: 'access' }]);
    const intake = await h.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { 'content-type': contentType }, payload });
    expect(intake.statusCode).toBe(415);
    const consoleForm = await h.app.inject({
      method: 'POST',
      url: `/api/v1/console/requests/${request.id}/extend`,
      headers: { 'content-type': contentType, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
      payload,
    });
    expect(consoleForm.statusCode).toBe(415);
    expect(await stored(h, request.id)).toMatchObject({ status: 'on_hold', extended: false });
  });

  it('never lets one request’s status token open or answer another (IDOR)', async () => {
    const mine = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const theirs = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const myToken = await askAndGetToken(mine);
    const theirToken = await askAndGetToken(theirs);

    const answerTheirs = await replyJson(theirs.reference, myToken, { message: 'Not mine to answer.' });
    const readTheirs = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${theirs.reference}`, headers: { 'x-status-token': myToken } });
    // The status page reads with the token from its address: the same refusal that way.
    const readTheirsByQuery = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${theirs.reference}?${new URLSearchParams({ token: myToken }).toString()}` });
    const noToken = await replyJson(theirs.reference, undefined, { message: 'x' });
    const unknown = await replyJson('RD-0000-0000-0000-0000', myToken, { message: 'x' });

    for (const response of [answerTheirs, readTheirs, readTheirsByQuery, noToken, unknown]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', message: 'No request matches this reference and link.' });
      expect(response.body).not.toContain('Which customer number');
    }
    expect(await stored(h, theirs.id)).toMatchObject({ status: 'on_hold' });
    expect(await messagesOf(h, theirs.id)).toHaveLength(1);

    // Their file is not reachable through my request's id either.
    expect((await replyForm(theirs.reference, theirToken, [{ name: 'files', filename: 'a.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf('theirs') }])).statusCode).toBe(201);
    const [theirFile] = await attachmentsOf(theirs.id);
    expect((await officer.get(`/api/v1/console/requests/${mine.id}/attachments/${theirFile.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/console/requests/${theirs.id}/attachments/${theirFile.id}`)).statusCode).toBe(200);
  });

  it('asks only while the request awaits review; 404 for unknown ids; auditors cannot ask', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const auditor = await signIn(h, await anOfficer(h, 'auditor'));

    const forbidden = await ask(auditor, request.id);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    expect(await stored(h, request.id)).toMatchObject({ status: 'awaiting_review' });

    expect((await ask(officer, request.id)).statusCode).toBe(200);
    const twice = await ask(officer, request.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('illegal_transition');
    expect(await stored(h, request.id)).toMatchObject({ holds: [{ from: '2026-11-25' }] });

    for (const id of ['not-a-uuid', '7d0a3a4e-0a5b-4c7e-9f1e-3c2b1a0f9e8d']) {
      expect((await ask(officer, id)).statusCode).toBe(404);
    }
    for (const response of [{}, { question: '' }, { question: 'x'.repeat(5001) }]) {
      expect((await officer.post(`/api/v1/console/requests/${request.id}/information-request`, response)).statusCode).toBe(422);
    }
    for (const attachment of ['not-a-uuid', '7d0a3a4e-0a5b-4c7e-9f1e-3c2b1a0f9e8d']) {
      const response = await auditor.get(`/api/v1/console/requests/${request.id}/attachments/${attachment}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await auditor.get(`/api/v1/console/requests/x/attachments/y`)).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/console/requests/${request.id}/attachments/7d0a3a4e-0a5b-4c7e-9f1e-3c2b1a0f9e8d` })).statusCode).toBe(401);

    const awaiting = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const mail = await emailTo(h, awaiting.email, /working on/);
    const early = await replyJson(awaiting.reference, statusTokenOf(mail), { message: 'Nobody asked me yet.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('illegal_transition');
  });

  it('answers as the status page sends it (multipart, an empty file input included); the status then shows the answer received', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const token = await askAndGetToken(request);
    const { payload, contentType } = multipartPayload([
      { name: 'message', value: 'My number is 99.' },
      // A file input left empty still sends an empty part.
      { name: 'files', filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) },
    ]);
    const answer = (statusToken: string) =>
      h.app.inject({ method: 'POST', url: `/api/v1/requests/${request.reference}/replies`, headers: { 'content-type': contentType, 'x-status-token': statusToken }, payload });

    const sent = await answer(token);

    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ reference: request.reference, status: 'awaiting_review', files: 0 });
    const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${request.reference}`, headers: { 'x-status-token': token } });
    // No open question any more, so the status page shows no answer form.
    expect(status.json()).toMatchObject({ status: 'awaiting_review', openQuestion: null });
    expect(status.json<{ timeline: Array<{ event: string }> }>().timeline.map((e) => e.event)).toContain('information_received');
    expect((await messagesOf(h, request.id)).at(-1)).toMatchObject({ kind: 'requester_reply', text: 'My number is 99.' });

    const wrong = await answer('nope');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('answers are rate limited per IP', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_REPLY_PER_IP_PER_HOUR: '2' });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('counts every attempt, wrong links included, so status tokens cannot be guessed at speed', async () => {
    const attempt = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/requests/RD-0000-0000-0000-0000/replies',
        headers: { 'content-type': 'application/json', 'x-status-token': 'guess' },
        payload: JSON.stringify({ message: 'x' }),
      });

    expect((await attempt()).statusCode).toBe(404);
    expect((await attempt()).statusCode).toBe(404);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ code: string }>().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
