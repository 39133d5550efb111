/**
 * Where to go after signing in: only a console path on this site. `//evil.example/console/` or
 * `/console/../x` would leave it (an open redirect), so anything but a plain /console/ path goes
 * to the queue.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/console/') || next.startsWith('//') || next.includes('\\') || /(^|\/)\.\.?(\/|$|\?)/.test(next)) {
    return '/console/requests';
  }
  return next;
}
