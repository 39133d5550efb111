import type { FieldError } from '@rightsdesk/domain';
import type { AnswerMessages } from './answer.messages';

export interface AnswerLimits {
  maxFiles: number;
  maxBytes: number;
  messageMaxLength: number;
}

/** Per field of the answer form, the message to show beside it. */
export interface AnswerProblems {
  message?: string;
  files?: string;
}

/** What the browser can know of a file before sending it. */
export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

// The server decides by the content; the browser can only go by the declared type and the name.
const ACCEPTED = /\.(pdf|png|jpe?g)$/i;
const ACCEPTED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** The checks the server makes, made first in the browser; null limits when the server could not say. */
export function checkAnswer(message: string, files: FileFacts[], limits: AnswerLimits | null, m: AnswerMessages, locale: string): AnswerProblems {
  const problems: AnswerProblems = {};
  const text = message.trim();
  if (text === '' && files.length === 0) {
    problems.message = m.messageRequired;
  } else if (limits && text.length > limits.messageMaxLength) {
    problems.message = m.messageTooLong(limits.messageMaxLength);
  }
  const maxSize = limits ? formatBytes(limits.maxBytes, locale) : null;
  const wrongType = files.find((file) => !ACCEPTED.test(file.name) && !ACCEPTED_TYPES.has(file.type));
  const tooBig = limits ? files.find((file) => file.size > limits.maxBytes) : undefined;
  if (limits && files.length > limits.maxFiles) {
    problems.files = m.tooManyFiles(limits.maxFiles);
  } else if (wrongType) {
    problems.files = m.fileType(wrongType.name);
  } else if (tooBig) {
    problems.files = m.fileTooBig(tooBig.name, maxSize);
  }
  return problems;
}

/** The server's field errors (message, files, files.N) in the person's language, naming the file. */
export function answerProblemsFrom(errors: FieldError[], files: FileFacts[], limits: AnswerLimits | null, m: AnswerMessages, locale: string): AnswerProblems {
  const problems: AnswerProblems = {};
  const maxSize = limits ? formatBytes(limits.maxBytes, locale) : null;
  for (const error of errors) {
    if (error.path === 'message') {
      problems.message ??= error.code === 'too_long' ? m.messageTooLong(limits?.messageMaxLength ?? Number(/\d+/.exec(error.message)?.[0] ?? 0)) : m.messageRequired;
      continue;
    }
    const file = /^files\.(\d+)$/.exec(error.path);
    const name = file ? (files[Number(file[1])]?.name ?? '') : '';
    if (error.path === 'files') {
      problems.files ??= m.tooManyFiles(limits?.maxFiles ?? null);
    } else if (file && error.code === 'too_big') {
      problems.files ??= m.fileTooBig(name, maxSize);
    } else if (file) {
      problems.files ??= m.fileType(name);
    }
  }
  return problems;
}
