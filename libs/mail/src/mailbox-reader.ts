import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';

export interface MailboxEntry {
  /** The file name without `.eml`. */
  id: string;
  receivedAt: Date;
  from: string;
  to: string;
  subject: string;
}

export interface MailboxMessage extends MailboxEntry {
  text: string;
  /** The HTML part as sent, or null for a text-only message. */
  html: string | null;
}

const MAILBOX_ID = /^[A-Za-z0-9._-]+$/;

// The id comes from a query string: one path segment of safe characters, never "." or "..".
export function isMailboxId(id: string): boolean {
  return MAILBOX_ID.test(id) && !id.includes('..') && id !== '.';
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) {
    return '';
  }
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}

// Checked by shape, not instanceof: errors from node:fs can come from another realm (Jest's VM).
function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function parseMessage(file: string, id: string, receivedAt: Date): Promise<MailboxMessage> {
  const parsed = await simpleParser(await readFile(file));
  return {
    id,
    receivedAt,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
  };
}

// Newest first by the time the sink wrote the file, which is when the message was received; the
// Date header is the sender's claim and may be anything.
export async function listMailbox(dir: string, limit = 50): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) {
      return [];
    }
    throw error;
  }
  const files = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .map((name) => name.slice(0, -'.eml'.length))
      .filter(isMailboxId)
      .map(async (id) => {
        // lstat, so a symbolic link cannot make the page show a file from elsewhere.
        const info = await lstat(path.join(dir, `${id}.eml`)).catch(() => null);
        return info?.isFile() ? { id, receivedAt: info.mtime } : null;
      }),
  );
  const newest = files
    .filter((file) => file !== null)
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id.localeCompare(a.id))
    .slice(0, Math.max(0, limit));
  const entries = await Promise.all(
    newest.map(async ({ id, receivedAt }): Promise<MailboxEntry | null> => {
      try {
        const {
          text: _text,
          html: _html,
          ...entry
        } = await parseMessage(path.join(dir, `${id}.eml`), id, receivedAt);
        return entry;
      } catch (error) {
        // Deleted between listing and reading: leave it out rather than fail the page.
        if (isMissing(error)) {
          return null;
        }
        throw error;
      }
    }),
  );
  return entries.filter((entry) => entry !== null);
}

export async function readMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!isMailboxId(id)) {
    return null;
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, `${id}.eml`);
  if (path.dirname(file) !== root) {
    return null;
  }
  try {
    const info = await lstat(file);
    if (!info.isFile()) {
      return null;
    }
    return await parseMessage(file, id, info.mtime);
  } catch (error) {
    if (isMissing(error)) {
      return null;
    }
    throw error;
  }
}
