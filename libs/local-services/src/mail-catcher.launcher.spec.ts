import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { startMailCatcher } from './mail-catcher.launcher';

function send(port: number, subject: string, text = 'Your request was received.'): Promise<unknown> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport
    .sendMail({ from: 'dpo@example.test', to: 'subject@example.test', subject, text })
    .finally(() => transport.close());
}

describe('startMailCatcher', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-spec-mail-')), 'mail');
  });

  afterEach(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('writes every message it receives as a raw .eml file and refuses connections after stop()', async () => {
    const sut = await startMailCatcher({ dir });
    try {
      expect(sut.url).toBe(`smtp://127.0.0.1:${sut.port}`);
      await send(sut.port, 'Request received');

      const files = await readdir(dir);
      expect(files).toEqual([
        expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}\.eml$/),
      ]);
      const raw = await readFile(path.join(dir, files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: Request received\r$/m);
      expect(raw).toContain('Your request was received.');
    } finally {
      await sut.stop();
    }
    await expect(send(sut.port, 'Too late')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a message over 10 MB and keeps nothing of it', async () => {
    const sut = await startMailCatcher({ dir });
    try {
      await expect(send(sut.port, 'Huge', 'x'.repeat(11 * 1024 * 1024))).rejects.toThrow(/552/);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await sut.stop();
    }
  });
});
