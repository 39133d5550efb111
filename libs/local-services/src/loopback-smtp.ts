import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface LoopbackSmtpOptions {
  port: number;
  /** Handles one message; the client's DATA is answered only after it settles. */
  onMessage(stream: SMTPServerDataStream): Promise<void>;
  size?: number;
  banner?: string;
}

/**
 * An accept-everything SMTP server listening on 127.0.0.1, as the demo's mail catcher and the
 * tests' sink both need: no AUTH, no STARTTLS (Nodemailer `secure: false, ignoreTLS: true`).
 */
export async function listenLoopbackSmtp(options: LoopbackSmtpOptions): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.size,
    banner: options.banner,
    logger: false,
    onData(stream, _session, callback) {
      options.onMessage(stream).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Without a listener a client's broken connection would be thrown as an uncaught error.
  server.on('error', () => undefined);
  return server;
}
