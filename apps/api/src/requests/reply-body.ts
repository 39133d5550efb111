import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from '@rightsdesk/config';
import { type FieldError, intakeFieldErrors, RequestException } from '@rightsdesk/domain';
import type { ReplyUpload, RequesterReplyInput } from '@rightsdesk/workflow';
import { type FormEntry, type FormFile, isMultipartForm, MultipartFormError, type MultipartLimits, readMultipartForm } from '../http/multipart-form';

export const REPLY_MESSAGE_MAX = 5000;

const message = z.string().trim().max(REPLY_MESSAGE_MAX);

/** The JSON form: `{ message }`, without files. */
export const replyJsonSchema = z.strictObject({ message: message.min(1) });

/** Busboy's limits for an answer: the configured files, one text field, nothing unbounded. */
export function replyMultipartLimits(maxFiles: number, maxBytes: number): MultipartLimits {
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

/**
 * An answer as JSON or as a multipart form (`message` plus files in `files`), read as it streams.
 * The multipart body is still unread here (bootstrap's parser leaves it), so a route reads it only
 * after it has checked the link.
 */
export async function readReplyBody(
  request: FastifyRequest,
  body: unknown,
  uploads: Pick<AppConfig['console'], 'uploadMaxFiles' | 'uploadMaxBytes'>,
): Promise<RequesterReplyInput> {
  if (!isMultipartForm(request.headers['content-type'])) {
    const parsed = replyJsonSchema.safeParse(body);
    if (!parsed.success) {
      throw invalid(intakeFieldErrors(parsed.error));
    }
    return { message: parsed.data.message, files: [] };
  }
  let entries: FormEntry[];
  try {
    entries = await readMultipartForm(request.raw, request.headers['content-type'], replyMultipartLimits(uploads.uploadMaxFiles, uploads.uploadMaxBytes));
  } catch (error) {
    // Limits and broken bodies are the client's doing: never a 500.
    throw error instanceof MultipartFormError ? formError(error) : new RequestException('malformed_body', 'The form data could not be read.');
  }
  return replyFromForm(entries);
}

// A browser sends an empty part for a file input left empty.
function isAttached(entry: FormEntry): entry is FormFile {
  return entry.kind === 'file' && entry.name === 'files' && !(entry.fileName === '' && entry.content.length === 0);
}

function replyFromForm(entries: FormEntry[]): RequesterReplyInput {
  const errors: FieldError[] = [];
  const files: ReplyUpload[] = [];
  let text: string | undefined;
  for (const entry of entries) {
    if (entry.kind === 'file') {
      if (entry.name !== 'files') {
        errors.push({ path: entry.name, code: 'unknown_field', message: 'This field is not accepted; send files as "files".' });
      } else if (isAttached(entry)) {
        // A binary part may come without a file name; the stored name then falls back to a default.
        files.push({ fileName: entry.fileName ?? '', declaredType: entry.mimeType, content: entry.content });
      }
    } else if (entry.name !== 'message') {
      errors.push({ path: entry.name, code: 'unknown_field', message: 'This field is not accepted.' });
    } else if (text !== undefined) {
      errors.push({ path: 'message', code: 'duplicate', message: 'Send the message once.' });
    } else if (entry.truncated) {
      errors.push({ path: 'message', code: 'too_long', message: `Must be at most ${REPLY_MESSAGE_MAX} characters.` });
      text = '';
    } else {
      text = entry.value;
    }
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

function formError(error: MultipartFormError): RequestException {
  switch (error.failure) {
    case 'file_too_large':
      // Numbered like the files the answer keeps: the ones attached before this one.
      return new RequestException('payload_too_large', 'A file is too large.', {
        fieldErrors: [{ path: `files.${error.entries.filter(isAttached).length}`, code: 'too_big', message: 'This file is larger than allowed.' }],
      });
    case 'too_many_files':
      return new RequestException('payload_too_large', 'Too many files.', {
        fieldErrors: [{ path: 'files', code: 'too_long', message: 'Too many files attached.' }],
      });
    case 'too_many_parts':
    case 'too_many_fields':
      return new RequestException('payload_too_large', 'The form has too many parts.');
    case 'not_multipart':
      return new RequestException('unsupported_media_type', 'Send the answer as application/json or multipart/form-data.');
    case 'malformed':
      return new RequestException('malformed_body', 'The form data could not be read.');
  }
}
