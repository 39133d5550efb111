export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ type: UploadContentType; bytes: readonly number[] }> = [
  // "%PDF-": PDF 2.0 (ISO 32000-2) §7.5.2 puts the header at the start of the file.
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // SOI followed by the first marker's 0xFF.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

// Browsers and mail clients send a few other names for the same types.
const ALIASES: Readonly<Record<string, UploadContentType>> = {
  'application/x-pdf': 'application/pdf',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
};

/** The file's type from its first bytes, or null when it is none we accept. */
export function detectUploadType(content: Buffer): UploadContentType | null {
  return SIGNATURES.find(({ bytes }) => content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte))?.type ?? null;
}

/**
 * Whether the type the client declared fits the detected one. The bytes decide; a declared type
 * naming something else (an HTML page sent as image/png, a PNG sent as a PDF) is refused, and
 * "application/octet-stream" or nothing at all is the client saying it does not know.
 */
export function declaredTypeFits(declared: string, detected: UploadContentType): boolean {
  const type = declared.split(';')[0].trim().toLowerCase();
  if (type === '' || type === 'application/octet-stream') {
    return true;
  }
  return (ALIASES[type] ?? type) === detected;
}

export const UPLOAD_EXTENSIONS: Readonly<Record<UploadContentType, string>> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
};
