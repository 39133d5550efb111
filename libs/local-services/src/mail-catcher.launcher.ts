import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type SMTPServerDataStream } from 'smtp-server';
import { freePort } from './free-port';
import { listenLoopbackSmtp } from './loopback-smtp';
import { type RunningService } from './running-service';
import { stopSmtpServer } from './smtp-server-stop';

export const MAIL_CATCHER_SIZE_LIMIT = 10 * 1024 * 1024;

export interface StartMailCatcherOptions {
  /** Every message received is written here as `<timestamp>-<random>.eml` (raw RFC 822). */
  dir: string;
  port?: number;
}

/** An SMTP server on loopback that accepts everything and keeps it as .eml files, for local use. */
export async function startMailCatcher(options: StartMailCatcherOptions): Promise<RunningService> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const server = await listenLoopbackSmtp({
    port,
    size: MAIL_CATCHER_SIZE_LIMIT,
    banner: 'Rightsdesk mail catcher',
    onMessage: (stream) => saveMessage(stream, dir),
  });

  let stopping: Promise<void> | undefined;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    stop: () => (stopping ??= stopSmtpServer(server)),
  };
}

async function saveMessage(stream: SMTPServerDataStream, dir: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  if (stream.sizeExceeded) {
    throw Object.assign(new Error('Message exceeds the 10 MB limit'), { responseCode: 552 });
  }
  await writeFile(path.join(dir, messageFileName()), Buffer.concat(chunks));
}

// Sorts by arrival; colons are left out of the ISO time so the names work on every file system.
function messageFileName(): string {
  return `${new Date().toISOString().replace(/:/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
}
