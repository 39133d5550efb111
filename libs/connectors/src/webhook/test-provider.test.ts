import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { verifyWebhookSignature, type WebhookVerification } from './webhook-signature';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  json: Record<string, unknown>;
  verification: WebhookVerification;
}

export type ProviderReply =
  { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hang';

/**
 * A service provider on loopback: it checks our signature the way a real one would (with
 * verifyWebhookSignature on the raw body) and refuses with 401 when it does not verify.
 */
export interface TestProvider {
  url: string;
  received: ReceivedRequest[];
  reply: (request: ReceivedRequest) => ProviderReply;
  close(): Promise<void>;
}

export async function startTestProvider(secret: string): Promise<TestProvider> {
  const provider: TestProvider = {
    url: '',
    received: [],
    reply: () => ({ status: 200, json: { status: 'completed', collections: [] } }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const received: ReceivedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        rawBody,
        json: rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {},
        verification: verifyWebhookSignature({
          secret,
          timestamp: request.headers['rightsdesk-timestamp'],
          signature: request.headers['rightsdesk-signature'],
          body: rawBody,
          now: new Date(),
        }),
      };
      provider.received.push(received);
      if (!received.verification.ok) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: received.verification.reason }));
        return;
      }
      const reply = provider.reply(received);
      if (reply === 'hang') {
        return;
      }
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/privacy/requests`;
  return provider;
}
