import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FieldError, intakeFieldErrors, RequestException } from '@rightsdesk/domain';
import type { ReplyUpload, RequesterReplyInput } from '@rightsdesk/workflow';

export const REPLY_MESSAGE_MAX = 5000;

const message = z.string().trim().max(REPLY_MESSAGE_MAX);

/** The JSON form: `{ message }`, without files. */
export const replyJsonSchema = z.strictObject({ message: message.min(1) });

/** Busboy's limits for an answer: the configured files, one text field, nothing unbounded. */
export function replyMultipartLimits(maxFiles: number, maxBytes: number) {
  return {
    fileSize: maxBytes,
    files: maxFiles,
    fields: 2,
    // Characters may take up to four bytes in UTF-8.
    fieldSize: REPLY_MESSAGE_MAX * 4,
    parts: maxFiles + 2,
    headerPairs: 50,
  };
}

function invalid(fieldErrors: FieldError[]): RequestException {
  return new RequestException('validation_failed', 'The answer is not valid.', { fieldErrors });
}

/** An answer as JSON or as a multipart form (`message` plus files in `files`), read as it streams. */
export async function readReplyBody(request: FastifyRequest, body: unknown): Promise<RequesterReplyInput> {
  if (!request.isMultipart()) {
    const parsed = replyJsonSchema.safeParse(body);
    if (!parsed.success) {
      throw invalid(intakeFieldErrors(parsed.error));
    }
    return { message: parsed.data.message, files: [] };
  }
  return readMultipart(request);
}

async function readMultipart(request: FastifyRequest): Promise<RequesterReplyInput> {
  const errors: FieldError[] = [];
  const files: ReplyUpload[] = [];
  let text: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files') {
          errors.push({ path: part.fieldname, code: 'unknown_field', message: 'This field is not accepted; send files as "files".' });
        }
        // Read to the end either way (busboy truncates at the size limit and the plugin then throws).
        const content = await part.toBuffer().catch((error: unknown) => {
          throw fileError(error, files.length);
        });
        // A browser sends an empty part for a file input left empty.
        if (part.fieldname === 'files' && !(part.filename === '' && content.length === 0)) {
          files.push({ fileName: part.filename, declaredType: part.mimetype, content });
        }
      } else if (part.fieldname !== 'message') {
        errors.push({ path: part.fieldname, code: 'unknown_field', message: 'This field is not accepted.' });
      } else if (text !== undefined) {
        errors.push({ path: 'message', code: 'duplicate', message: 'Send the message once.' });
      } else if (part.valueTruncated) {
        errors.push({ path: 'message', code: 'too_long', message: `Must be at most ${REPLY_MESSAGE_MAX} characters.` });
        text = '';
      } else {
        text = typeof part.value === 'string' ? part.value : '';
      }
    }
  } catch (error) {
    throw error instanceof RequestException ? error : streamError(error, files.length);
  }
  const parsed = message.safeParse(text ?? '');
  if (!parsed.success) {
    errors.push(...intakeFieldErrors(parsed.error).map((e) => ({ ...e, path: 'message' })));
  } else if (parsed.data.length === 0 && files.length === 0 && !errors.some((e) => e.path === 'message')) {
    errors.push({ path: 'message', code: 'required', message: 'Write an answer or attach a file.' });
  }
  if (errors.length > 0) {
    throw invalid(errors);
  }
  return { message: parsed.success ? parsed.data : '', files };
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function fileError(error: unknown, index: number): RequestException {
  return codeOf(error) === 'FST_REQ_FILE_TOO_LARGE'
    ? new RequestException('payload_too_large', 'A file is too large.', {
        fieldErrors: [{ path: `files.${index}`, code: 'too_big', message: 'This file is larger than allowed.' }],
      })
    : streamError(error, index);
}

// The plugin's limit errors and busboy's parse errors are the client's doing: never a 500.
function streamError(error: unknown, index: number): RequestException {
  switch (codeOf(error)) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileError(error, index);
    case 'FST_FILES_LIMIT':
      return new RequestException('payload_too_large', 'Too many files.', {
        fieldErrors: [{ path: 'files', code: 'too_long', message: 'Too many files attached.' }],
      });
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new RequestException('payload_too_large', 'The form has too many parts.');
    case 'FST_PROTO_VIOLATION':
      return invalid([{ path: '', code: 'unknown_field', message: 'This field is not accepted.' }]);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new RequestException('unsupported_media_type', 'Send the answer as application/json or multipart/form-data.');
    default:
      return new RequestException('malformed_body', 'The form data could not be read.');
  }
}
