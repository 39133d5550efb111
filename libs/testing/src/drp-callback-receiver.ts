import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// An agent's status_callback endpoint (DRP 1.0 §2.03) on loopback: keeps every status object it
// is sent, and can be told to fail the next few deliveries to exercise the sender's retries.
export class DrpCallbackReceiver {
  readonly received: Array<Record<string, unknown>> = [];
  private failuresLeft = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<DrpCallbackReceiver> {
    let receiver: DrpCallbackReceiver | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (receiver && receiver.failuresLeft > 0) {
          receiver.failuresLeft -= 1;
          response.writeHead(503).end();
          return;
        }
        try {
          receiver?.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ignored":"the business discards this body"}');
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new DrpCallbackReceiver(server, `http://127.0.0.1:${port}/drp/status-callback`);
    return receiver;
  }

  failNext(count: number): void {
    this.failuresLeft = count;
  }

  /** The statuses received for one request, in order. */
  statusesOf(requestId: string): string[] {
    return this.received.filter((s) => s.request_id === requestId).map((s) => String(s.status));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
