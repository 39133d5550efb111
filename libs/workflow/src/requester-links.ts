// The privacy center's pages every email links to, in one place: the web app routes these paths,
// and the tokens travel in the query string (redacted from logs, kept out of referrers).
function page(publicUrl: string, path: string, query: Record<string, string>): string {
  return `${publicUrl}${path}?${new URLSearchParams(query).toString()}`;
}

export function verifyPageUrl(publicUrl: string, reference: string, token: string): string {
  return page(publicUrl, '/requests/verify', { ref: reference, token });
}

export function statusPageUrl(publicUrl: string, reference: string, token: string): string {
  return page(publicUrl, '/requests/status', { ref: reference, token });
}

export function downloadPageUrl(publicUrl: string, token: string): string {
  return page(publicUrl, '/requests/download', { token });
}
