import { UPLOAD_EXTENSIONS, type UploadContentType } from './upload-content-type';

const MAX_NAME = 200;

/**
 * The name a requester's file is kept under: the last path segment only (browsers on some systems
 * send a whole path), no control characters, bounded, and ending in the extension of the type its
 * bytes showed, so whoever opens it later gets what the name promises.
 */
export function attachmentFileName(original: string, type: UploadContentType): string {
  const extension = UPLOAD_EXTENSIONS[type];
  const base = (original.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.toLowerCase().endsWith(extension) || (type === 'image/jpeg' && base.toLowerCase().endsWith('.jpeg')) ? base : `${base}${extension}`;
  const name = stem === extension || stem === '' ? `attachment${extension}` : stem;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - extension.length)}${extension}`;
}
