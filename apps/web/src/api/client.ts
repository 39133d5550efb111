import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Every error the api answers: a stable code to branch on, a message, field errors for forms. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fieldErrors?: Array<{ path: string; code: string; message: string }>;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

export function readCookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

// The console's state-changing calls carry the session's CSRF token, which the sign-in left in the
// readable rd_csrf cookie (the session cookie itself is httpOnly).
const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = readCookie('rd_csrf');
      if (token) {
        request.headers.set('X-CSRF-Token', token);
      }
    }
    return request;
  },
};

/** The typed client: paths, parameters, bodies and answers all come from the generated schema. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

function asErrorBody(error: unknown, response: Response): ApiErrorBody {
  if (error && typeof error === 'object' && typeof (error as ApiErrorBody).code === 'string') {
    return error as ApiErrorBody;
  }
  return { code: response.status >= 500 ? 'internal_error' : 'unknown_error', message: response.statusText || 'Request failed' };
}

/** The answer's data, or an ApiError with the api's code and field errors. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ApiError(response.status, asErrorBody(error, response));
  }
  return data as T;
}
