import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderMode = 'complete' | 'accept' | 'fail';

/**
 * A service provider on loopback for webhook systems: checks our signature (401 when it is wrong),
 * then completes, accepts with 202 (a callback to come) or fails with 500, as `mode` says.
 */
export interface TestProvider {
  url: string;
  mode: ProviderMode;
  /** Signed calls received, in order. */
  calls: Array<{ type: string; request_id: string; system_key: string; identities: Record<string, string[]>; callback_url?: string }>;
  stop(): Promise<void>;
}

/** What the provider hands its signature check (the testing lib cannot import the connectors it tests). */
export interface SignedCall {
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

export async function startTestProvider(isSigned: (call: SignedCall) => boolean): Promise<TestProvider> {
  const provider: TestProvider = { url: '', mode: 'complete', calls: [], stop: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      if (!isSigned({ timestamp: header('rightsdesk-timestamp'), signature: header('rightsdesk-signature'), body })) {
        res.writeHead(401).end();
        return;
      }
      const call = JSON.parse(body) as TestProvider['calls'][number];
      provider.calls.push(call);
      if (provider.mode === 'fail') {
        res.writeHead(500).end('{"error":"down"}');
      } else if (provider.mode === 'accept') {
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'accepted', reference: `prov-${provider.calls.length}` }));
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'completed', collections: [{ collection: 'contacts', found: 1, changed: 1 }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/privacy-requests`;
  provider.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return provider;
}
