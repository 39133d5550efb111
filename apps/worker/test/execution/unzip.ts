import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Reads a ZIP with Python's zipfile (an independent implementation): entry name → text. */
export async function unzip(stream: Readable): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  const script = `
import io, json, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps({n: z.read(n).decode('utf-8', 'replace') for n in z.namelist()}))
`;
  const out = execFileSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', ['-c', script], { input: Buffer.concat(chunks), maxBuffer: 64 * 1024 * 1024 });
  return new Map(Object.entries(JSON.parse(out.toString('utf8')) as Record<string, string>));
}
