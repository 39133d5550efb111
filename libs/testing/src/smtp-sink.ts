import { freePort, listenLoopbackSmtp, stopSmtpServer } from '@rightsdesk/local-services';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT — use with Nodemailer `secure: false, ignoreTLS: true`. */
  url: string;
  port: number;
  /** Every message received so far, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitForMessage(predicate: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Resolves once at least `count` messages have arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The messages received so far with exactly this address among their recipients. */
  messagesTo(address: string): ParsedMail[];
  clear(): void;
  /** Simulates an outage: stops listening and drops open connections, so sends fail. */
  pause(): Promise<void>;
  /** Ends the outage: listens again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

interface Waiter {
  check(): boolean;
  fail(error: Error): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** An in-process SMTP server on a free loopback port that keeps every message in memory. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const messages: ParsedMail[] = [];
  const waiters = new Set<Waiter>();
  let server: SMTPServer | undefined;

  const notify = (): void => {
    for (const waiter of waiters) {
      if (waiter.check()) {
        waiters.delete(waiter);
      }
    }
  };

  const listen = async (): Promise<void> => {
    // Parsed before the reply, so a resolved sendMail() means the message is in `messages`.
    const next = await listenLoopbackSmtp({
      port,
      onMessage: async (stream) => {
        messages.push(await simpleParser(stream));
        notify();
      },
    });
    server = next;
  };

  const close = async (): Promise<void> => {
    const current = server;
    server = undefined;
    if (current) {
      await stopSmtpServer(current);
    }
  };

  const wait = <T>(description: string, timeoutMs: number, ready: () => T | undefined): Promise<T> => {
    const now = ready();
    if (now !== undefined) {
      return Promise.resolve(now);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const seen = messages.map((message) => JSON.stringify(message.subject ?? '')).join(', ') || 'none';
        reject(new Error(`SMTP sink: no ${description} within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => {
          const value = ready();
          if (value === undefined) {
            return false;
          }
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  };

  await listen();
  return {
    messagesTo: (address) =>
      messages.filter((m) =>
        [m.to ?? []].flat().some((to) => to.value.some((entry) => entry.address === address)),
      ),
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      wait('matching message', timeoutMs, () => messages.find(predicate)),
    waitForCount: (count, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      wait(`${count} messages`, timeoutMs, () => (messages.length >= count ? [...messages] : undefined)),
    clear: () => {
      messages.length = 0;
    },
    pause: close,
    resume: async () => {
      if (!server) {
        await listen();
      }
    },
    stop: async () => {
      for (const waiter of waiters) {
        waiter.fail(new Error('SMTP sink stopped'));
      }
      waiters.clear();
      await close();
    },
  };
}
