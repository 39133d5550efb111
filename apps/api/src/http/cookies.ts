// The two console cookies, read and written without a plugin: a Cookie header parser is a few lines,
// and the attributes below are the security-relevant part, kept in one place.
export const SESSION_COOKIE = 'rd_session';
export const CSRF_COOKIE = 'rd_csrf';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
  /** The session cookie is httpOnly; the CSRF cookie is readable by the console's script. */
  httpOnly: boolean;
}

// SameSite=Strict: the console is never entered from another site's link with a live session, so
// a cross-site request carries no cookie at all (the CSRF token is the second line of defence).
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`];
  if (options.httpOnly) {
    parts.push('HttpOnly');
  }
  if (options.secure) {
    parts.push('Secure');
  }
  return parts.join('; ');
}
