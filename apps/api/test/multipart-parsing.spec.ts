import { startApi, type ApiHarness, emailTo } from './api-harness';
import { aVerifiedRequest, statusTokenOf, stored } from './clock-actions-fixtures';
import { anOfficer, signIn } from './console-harness';
import { multipartPayload, SAMPLE_FILES } from './multipart-payload';

const MAX_BYTES = 1024;

// Multipart bodies are read by the two routes that take files, with busboy; the server as a whole
// carries no multipart plugin, so no other request pays for it.
describe('multipart bodies', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({
      LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent',
      UPLOAD_MAX_BYTES: String(MAX_BYTES),
      UPLOAD_MAX_FILES: '2',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A request on hold with a question, and the status token its email carries. */
  async function awaitingAnswer(): Promise<{ reference: string; id: string; token: string }> {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const officer = await signIn(h, await anOfficer(h, 'officer'));
    expect(
      (
        await officer.post(`/api/v1/console/requests/${request.id}/information-request`, {
          question: 'Which customer number?',
        })
      ).statusCode,
    ).toBe(200);
    return {
      reference: request.reference,
      id: request.id,
      token: statusTokenOf(await emailTo(h, request.email, /need information/)),
    };
  }

  it('adds no multipart hooks or request decorators to the server', () => {
    const fastify = h.app.getHttpAdapter().getInstance();

    expect(fastify.printPlugins()).not.toMatch(/multipart/i);
    for (const decorator of ['isMultipart', 'parts', 'file', 'files', 'saveRequestFiles', 'formData']) {
      expect(fastify.hasRequestDecorator(decorator)).toBe(false);
    }
    expect(fastify.hasContentTypeParser('multipart/form-data')).toBe(true);
  });

  it('keeps the rest of the API JSON-only, whatever the case of the media type, and leaves bodiless requests alone', async () => {
    const { payload, contentType } = multipartPayload([{ name: 'type', value: 'access' }]);

    const shouting = await h.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { 'content-type': contentType.replace('multipart/form-data', 'Multipart/Form-Data') },
      payload,
    });
    const read = await h.app.inject({
      method: 'GET',
      url: '/api/v1/requests/RD-0000-0000-0000-0000',
      headers: { 'content-type': contentType, 'x-status-token': 'x' },
    });

    expect(shouting.statusCode).toBe(415);
    expect(shouting.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers a broken form with 400 and an over-limit one with 413, never a 500, and changes nothing', async () => {
    const { reference, id, token } = await awaitingAnswer();
    const send = (contentType: string, payload: Buffer | string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${reference}/replies`,
        headers: { 'content-type': contentType, 'x-status-token': token },
        payload,
      });
    const { payload, contentType } = multipartPayload([{ name: 'message', value: 'Number 12.' }]);

    const wrongBoundary = await send('multipart/form-data; boundary=not-the-one', payload);
    const noBoundary = await send('multipart/form-data', payload);
    const cutShort = await send(contentType, payload.subarray(0, payload.length - 10));
    const bigAfterEmpty = multipartPayload([
      // A file input left empty is not counted: the too-large file is the answer's first.
      { name: 'files', filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) },
      {
        name: 'files',
        filename: 'big.pdf',
        type: 'application/pdf',
        content: Buffer.concat([SAMPLE_FILES.pdf('big'), Buffer.alloc(MAX_BYTES)]),
      },
    ]);
    const afterEmptyPart = await send(bigAfterEmpty.contentType, bigAfterEmpty.payload);

    for (const response of [wrongBoundary, noBoundary, cutShort]) {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'malformed_body',
        message: 'The form data could not be read.',
      });
    }
    expect(afterEmptyPart.statusCode).toBe(413);
    expect(afterEmptyPart.json()).toMatchObject({
      code: 'payload_too_large',
      fieldErrors: [{ path: 'files.0', code: 'too_big' }],
    });
    expect(await stored(h, id)).toMatchObject({ status: 'on_hold' });

    // An empty body is an empty form: an answer without text or files.
    const empty = await send(contentType, '');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().fieldErrors).toEqual([
      { path: 'message', code: 'required', message: 'Write an answer or attach a file.' },
    ]);
    expect((await send(contentType, payload)).statusCode).toBe(201);
  });
});
