import { type SMTPServer } from 'smtp-server';

/**
 * Closes an smtp-server now. Its own close() waits up to 30 s for clients to hang up, and a
 * pooled Nodemailer transport keeps its connections open, so idle sessions are ended here.
 */
export function stopSmtpServer(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const connection of server.connections) {
      connection.send(421, 'Server shutting down');
      connection.close();
    }
  });
}
