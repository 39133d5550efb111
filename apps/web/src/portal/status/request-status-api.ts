import { api, unwrap } from '../../api/client';

/** The requester's view of a request: GET /api/v1/requests/{reference} with the emailed status token. */
export function loadRequestStatus(reference: string, token: string) {
  return unwrap(api.GET('/api/v1/requests/{reference}', { params: { path: { reference }, header: { 'X-Status-Token': token } } }));
}

export type RequestStatusAnswer = Awaited<ReturnType<typeof loadRequestStatus>>;

/** The answer to the team's question: the text and the files, as one multipart form. */
export function sendAnswer(reference: string, token: string, message: string, files: File[]) {
  return unwrap(
    api.POST('/api/v1/requests/{reference}/replies', {
      params: { path: { reference }, header: { 'X-Status-Token': token } },
      body: { message },
      // FormData, so the browser sets the multipart boundary; the files go under `files`.
      bodySerializer: (body) => {
        const form = new FormData();
        form.append('message', body.message ?? '');
        for (const file of files) {
          form.append('files', file, file.name);
        }
        return form;
      },
    }),
  );
}
