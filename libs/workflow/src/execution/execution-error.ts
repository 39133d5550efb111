// What is stored and shown about a failed system: a code, never the error's message, because
// database and provider messages quote the values they choked on (an email, a name).
export function executionErrorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(code)) {
      return code;
    }
    return error.name.slice(0, 60) || 'Error';
  }
  return 'unknown_error';
}
