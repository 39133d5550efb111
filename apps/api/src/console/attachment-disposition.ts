// Content-Disposition for a requester's file: an ASCII fallback anyone can parse, and the real
// name in RFC 8187 form. Quotes, backslashes, separators and control characters never reach the
// header, so a file name cannot end it or add another.
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[.\s]+/, '').slice(0, 150) || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
