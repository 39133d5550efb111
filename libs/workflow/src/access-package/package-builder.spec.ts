import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type {
  DataMap,
  DataSystem,
  FieldSpec,
  FileSource,
  PostgresCollection,
  PostgresSystem,
  S3System,
  WebhookSystem,
} from '@rightsdesk/connectors';
import type { DataCategory } from '@rightsdesk/domain';
import type { AccessPackageInput, PackageSystemInput } from './access-package.types';
import { AccessPackageBuilder } from './package-builder';
import { PackageStore } from './package-store';

const run = promisify(execFile);
// pyenv's `python3` shim is a shell script that takes seconds to start; the system one does not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

// A real ZIP reader (CPython's zipfile), so the test does not trust our own idea of the format.
const UNZIP = `
import base64, hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
limit = int(sys.argv[2])
out = {"bad": z.testzip(), "entries": []}
for info in z.infolist():
    data = z.read(info)
    entry = {"name": info.filename, "size": info.file_size, "deflated": info.compress_type == zipfile.ZIP_DEFLATED}
    if info.file_size <= limit:
        entry["data"] = base64.b64encode(data).decode()
    else:
        entry["lines"] = data.count(b"\\n")
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    out["entries"].append(entry)
print(json.dumps(out))
`;

interface ZipEntry {
  name: string;
  size: number;
  deflated: boolean;
  data?: string;
  lines?: number;
  sha256?: string;
}

function field(name: string, category: DataCategory, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, category, rectifiable: false, secret: false, erasure: { action: 'delete_row' }, ...extra };
}

function table(
  name: string,
  fields: FieldSpec[],
  extra: Partial<PostgresCollection> = {},
): PostgresCollection {
  return {
    kind: 'postgres',
    name,
    schema: 'public',
    table: name,
    primaryKey: 'id',
    subject: { by: 'identity', fields: [{ field: 'email', identity: 'email' }] },
    fields,
    retention: [],
    ...extra,
  };
}

function postgresSystem(
  key: string,
  title: string,
  collections: PostgresCollection[],
  extra: Partial<PostgresSystem> = {},
): PostgresSystem {
  return {
    kind: 'postgres',
    key,
    title,
    purposes: ['Order processing'],
    recipients: ['Parcel carrier'],
    concurrency: 2,
    connection: { url: { env: 'SHOP_DB_URL' } },
    collections,
    eraseOrder: collections.map((collection) => collection.name),
    ...extra,
  };
}

const shopDb = postgresSystem(
  'shop_db',
  'Shop <script>alert("title")</script>',
  [
    table(
      'customers',
      [
        field('email', 'contact.email'),
        field('name', 'name'),
        field('password_hash', 'account.credentials', { secret: true }),
        field('note', 'other'),
        field('prefs', 'preferences.language'),
      ],
      {
        description: 'Customer accounts',
        retention: [{ name: 'delete', field: 'last_login', period: 'P2Y', action: 'delete', legalHold: false }],
      },
    ),
    table('orders', [field('customer_id', 'account.id'), field('total', 'activity.purchase')], {
      subject: { by: 'reference', field: 'customer_id', to: { collection: 'customers', field: 'id' } },
    }),
    table('reviews', [field('body', 'content.message')]),
  ],
  { description: 'Our web shop & its <b>customers</b>' },
);

const mediaStore: S3System = {
  kind: 's3',
  key: 'media',
  title: 'Uploaded media',
  purposes: ['Showing your avatar'],
  recipients: [],
  concurrency: 2,
  connection: { bucket: 'media', region: 'eu-central-1', forcePathStyle: true },
  collections: [
    {
      kind: 's3',
      name: 'avatars',
      keyTemplate: 'avatars/{shop_db.customers.id}/',
      placeholders: [{ kind: 'field', ref: { system: 'shop_db', collection: 'customers', field: 'id' } }],
      category: 'content.media',
      fields: [],
      retention: [],
    },
  ],
};

const crm: WebhookSystem = {
  kind: 'webhook',
  key: 'crm',
  title: 'Support desk',
  purposes: ['Support'],
  recipients: ['Helpdesk Inc.'],
  concurrency: 1,
  connection: {
    url: { value: 'https://crm.example/dsr' },
    secret: { env: 'CRM_SECRET' },
    timeoutMs: 5000,
    callbackDeadlineHours: 72,
  },
  identities: [{ kind: 'identity', identity: 'email' }],
  optOuts: ['marketing'],
  collections: [{ kind: 'webhook', name: 'tickets', fields: [field('subject', 'content.message')], retention: [] }],
};

const legacy = postgresSystem('legacy', 'Legacy billing', [
  table('invoices', [
    field('amount', 'activity.purchase'),
    field('token', 'account.credentials', { secret: true }),
  ]),
]);

const dataMap: DataMap = {
  version: 1,
  file: 'datamap.yaml',
  sha256: '0'.repeat(64),
  systems: [shopDb, mediaStore, crm, legacy],
};

const objects = new Map<string, Buffer>([
  ['avatars/42/photo.png', randomBytes(3000)],
  ['avatars/42/../../../etc/passwd', Buffer.from('not really passwd')],
  ['/avatars/42/notes.txt', Buffer.from('hello '.repeat(500))],
]);

const fileSource: FileSource = {
  openFile: (key: string) => {
    const bytes = objects.get(key);
    return bytes ? Promise.resolve(Readable.from([bytes])) : Promise.reject(new Error('no such object'));
  },
};

describe('AccessPackageBuilder', () => {
  let dir: string;
  let store: PackageStore;
  let sut: AccessPackageBuilder;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-package-builder-'));
    store = new PackageStore(dir, randomBytes(32));
    sut = new AccessPackageBuilder(store);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function input(overrides: Partial<AccessPackageInput> = {}): AccessPackageInput {
    const systems: PackageSystemInput[] = [
      // Given out of order on purpose: the package follows the data map.
      { system: crm, state: 'pending', collections: [] },
      {
        system: shopDb,
        state: 'done',
        collections: [
          { collection: 'customers', found: 1 },
          { collection: 'orders', found: 2 },
          { collection: 'reviews', found: 0 },
        ],
      },
      { system: mediaStore, state: 'done', collections: [{ collection: 'avatars', found: objects.size }] },
      { system: legacy, state: 'failed', collections: [{ collection: 'invoices', found: 4 }] },
    ];
    return {
      requestId: 'req_1',
      packageId: 'pkg_1',
      reference: 'DSR-2026-<0001>',
      companyName: 'Acme & <Söhne> GmbH',
      generatedAt: new Date('2026-11-25T10:30:00Z'),
      language: 'en',
      dataMap,
      systems,
      files: (systemKey) => (systemKey === 'media' ? fileSource : undefined),
      ...overrides,
    };
  }

  async function writeParts(): Promise<void> {
    const shop = store.partSink('req_1', 'shop_db');
    await shop.write('customers', {
      id: 7,
      email: 'ada@example.com',
      name: '<script>alert("x")</script>',
      // Secret and undeclared columns must never reach the package, whatever the part holds.
      password_hash: '$argon2id$v=19$secret',
      internal_flag: 'do-not-export',
      note: '=HYPERLINK("http://evil.example","click")',
      prefs: { lang: 'de', tags: ['a', 'b'] },
    });
    const formulaNotes = [
      '+49 30 1234',
      '-2',
      '@SUM(A1)',
      '\tindented',
      '\rreturn',
      'plain, with "quotes"\nand a newline',
    ];
    for (const [index, note] of formulaNotes.entries()) {
      await shop.write('orders', { id: 100 + index, customer_id: 7, total: index === 0 ? -5 : 12.5, note });
    }
    await shop.write('reviews', { id: 1, body: 'found 0 in the count: must not appear' });
    await shop.close();
    const media = store.partSink('req_1', 'media');
    for (const [key, bytes] of objects) {
      await media.write('avatars', {
        key,
        size: bytes.length,
        contentType: key.endsWith('.png') ? 'image/png' : 'text/plain',
        lastModified: '2026-01-02T03:04:05.000Z',
      });
    }
    await media.close();
    const failed = store.partSink('req_1', 'legacy');
    await failed.write('invoices', { id: 1, amount: 10, token: 'tok_secret' });
    await failed.close();
  }

  async function unzip(
    requestId: string,
    packageId: string,
    limit = 1_000_000,
  ): Promise<{ bad: string | null; entries: ZipEntry[] }> {
    const zipPath = path.join(dir, `${packageId}.zip`);
    await pipeline(await store.openPackage(requestId, packageId), createWriteStream(zipPath));
    const { stdout } = await run(PYTHON, ['-c', UNZIP, zipPath, String(limit)], {
      maxBuffer: 64 * 1024 * 1024,
    });
    await rm(zipPath);
    return JSON.parse(stdout) as { bad: string | null; entries: ZipEntry[] };
  }

  function text(entries: ZipEntry[], name: string): string {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry?.data) {
      throw new Error(`entry ${name} missing`);
    }
    return Buffer.from(entry.data, 'base64').toString('utf8');
  }

  function bytes(entries: ZipEntry[], name: string): Buffer {
    return Buffer.from(entries.find((candidate) => candidate.name === name)?.data ?? '', 'base64');
  }

  it('builds an encrypted ZIP with index, README, JSON, CSV and objects, in data map order', async () => {
    await writeParts();
    const result = await sut.build(input());

    const file = await readFile(path.join(dir, 'req_1/pkg_1.zip.rdpk'));
    expect(result.bytes).toBe(file.length);
    expect(result.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(file.includes(Buffer.from('ada@example.com'))).toBe(false);

    const zip = await unzip('req_1', 'pkg_1');
    expect(zip.bad).toBeNull();
    expect(zip.entries.map((entry) => entry.name)).toEqual([
      'index.html',
      'README.txt',
      'shop_db/customers.json',
      'shop_db/customers.csv',
      'shop_db/orders.json',
      'shop_db/orders.csv',
      'media/avatars.json',
      'media/avatars.csv',
      'media/files/avatars/42/photo.png',
      'media/files/avatars/42/etc/passwd',
      'media/files/avatars/42/notes.txt',
    ]);
    expect(result.entries).toBe(zip.entries.length);

    expect(
      bytes(zip.entries, 'media/files/avatars/42/photo.png').equals(objects.get('avatars/42/photo.png')!),
    ).toBe(true);
    expect(text(zip.entries, 'media/files/avatars/42/notes.txt')).toBe('hello '.repeat(500));
    expect(zip.entries.find((entry) => entry.name.endsWith('photo.png'))!.deflated).toBe(false);
    expect(zip.entries.find((entry) => entry.name === 'shop_db/orders.csv')!.deflated).toBe(true);

    const avatars = JSON.parse(text(zip.entries, 'media/avatars.json')) as Array<Record<string, unknown>>;
    expect(avatars.map((object) => object.key)).toEqual([...objects.keys()]);
    expect(text(zip.entries, 'media/avatars.csv').split('\r\n')[0]).toBe(
      '\uFEFFkey,size,contentType,lastModified',
    );
  });

  it('writes only declared, non-secret columns, primary key first', async () => {
    await writeParts();
    await sut.build(input());
    const zip = await unzip('req_1', 'pkg_1');

    const customers = JSON.parse(text(zip.entries, 'shop_db/customers.json')) as Array<
      Record<string, unknown>
    >;
    expect(customers).toEqual([
      {
        id: 7,
        email: 'ada@example.com',
        name: '<script>alert("x")</script>',
        note: '=HYPERLINK("http://evil.example","click")',
        prefs: { lang: 'de', tags: ['a', 'b'] },
      },
    ]);
    expect(Object.keys(customers[0])).toEqual(['id', 'email', 'name', 'note', 'prefs']);
    for (const entry of zip.entries) {
      const content = Buffer.from(entry.data ?? '', 'base64').toString('utf8');
      expect(content).not.toContain('argon2id');
      expect(content).not.toContain('tok_secret');
      expect(content).not.toContain('do-not-export');
      expect(content).not.toContain('must not appear');
    }
    const orders = JSON.parse(text(zip.entries, 'shop_db/orders.json')) as Array<Record<string, unknown>>;
    expect(orders).toHaveLength(6);
    // `note` is not declared for orders, so it stays out even though the part holds it.
    expect(Object.keys(orders[0])).toEqual(['id', 'customer_id', 'total']);
  });

  it('escapes CSV per RFC 4180 and neutralises spreadsheet formulas', async () => {
    const sink = store.partSink('req_1', 'shop_db');
    const notes = [
      '=HYPERLINK("http://evil.example","click")',
      '+49 30 1234',
      '-2',
      '@SUM(A1)',
      '\tindented',
      '\rreturn',
      'plain, with "quotes"\nand a newline',
      'harmless = later',
    ];
    for (const [index, note] of notes.entries()) {
      await sink.write('customers', { id: index, email: null, name: note, note: -5, prefs: { a: '=1' } });
    }
    await sink.close();
    await sut.build(
      input({
        systems: [
          { system: shopDb, state: 'done', collections: [{ collection: 'customers', found: notes.length }] },
        ],
      }),
    );
    const zip = await unzip('req_1', 'pkg_1');

    const csv = text(zip.entries, 'shop_db/customers.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n').slice(0, 1)).toEqual(['id,email,name,note,prefs']);
    const rows = csv.slice(1).split('\r\n').slice(1);
    expect(rows.slice(0, 6)).toEqual([
      `0,,"'=HYPERLINK(""http://evil.example"",""click"")",-5,"{""a"":""=1""}"`,
      `1,,'+49 30 1234,-5,"{""a"":""=1""}"`,
      `2,,'-2,-5,"{""a"":""=1""}"`,
      `3,,'@SUM(A1),-5,"{""a"":""=1""}"`,
      `4,,'\tindented,-5,"{""a"":""=1""}"`,
      `5,,"'\rreturn",-5,"{""a"":""=1""}"`,
    ]);
    // A quoted field may hold CRLF or LF: check the rest of the file as a whole.
    expect(rows.slice(6).join('\r\n')).toBe(
      `6,,"plain, with ""quotes""\nand a newline",-5,"{""a"":""=1""}"\r\n7,,harmless = later,-5,"{""a"":""=1""}"\r\n`,
    );

    // Python's csv module reads it back to the original values (plus the apostrophes).
    const script = `
import csv, io, json, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
print(json.dumps(rows))`;
    const child = execFile(PYTHON, ['-c', script]);
    const output = new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
    });
    child.stdin!.end(csv.slice(1));
    const parsed = JSON.parse(await output) as string[][];
    expect(parsed.slice(1).map((row) => row[2])).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      `'+49 30 1234`,
      `'-2`,
      `'@SUM(A1)`,
      `'\tindented`,
      `'\rreturn`,
      'plain, with "quotes"\nand a newline',
      'harmless = later',
    ]);
  });

  it('writes a readable, escaped index page with notes for failed and pending systems', async () => {
    await writeParts();
    await sut.build(input());
    const zip = await unzip('req_1', 'pkg_1');
    const html = text(zip.entries, 'index.html');

    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc=|https?:\/\//);
    expect(html).toContain('Shop &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('Acme &amp; &lt;Söhne&gt; GmbH');
    expect(html).toContain('DSR-2026-&lt;0001&gt;');
    expect(html).toContain('Our web shop &amp; its &lt;b&gt;customers&lt;/b&gt;');
    expect(html).toContain('datetime="2026-11-25T10:30:00.000Z"');
    expect(html).toContain('<a href="shop_db/customers.json">JSON</a>');
    expect(html).toContain('<a href="shop_db/orders.csv">CSV</a>');
    expect(html).toContain('<li>Order processing</li>');
    expect(html).toContain('<li>Parcel carrier</li>');
    expect(html).toContain('<li>Email address</li>');
    expect(html).toContain('<li>Uploaded images and files</li>');
    expect(html).toContain('Held, not included in this package');
    expect(html).toContain('customers.password_hash: Password hash or access token');
    expect(html).toContain('2 years after “last_login”');
    expect(html).toContain('the stored files themselves are in the folder media/files/');
    expect(html).toContain('not answered yet');
    expect(html).toContain('could not be completed');
    // Systems in data map order, whatever the input order.
    const order = ['id="system-shop_db"', 'id="system-media"', 'id="system-crm"', 'id="system-legacy"'].map(
      (marker) => html.indexOf(marker),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The failed system's part exists, but no file of it is in the package.
    expect(zip.entries.some((entry) => entry.name.startsWith('legacy/'))).toBe(false);

    const readme = text(zip.entries, 'README.txt');
    expect(readme).toContain('Request reference: DSR-2026-<0001>');
    expect(readme).toContain('RFC 4180');
  });

  it('speaks German when the request does', async () => {
    await writeParts();
    await sut.build(input({ language: 'de' }));
    const zip = await unzip('req_1', 'pkg_1');
    const html = text(zip.entries, 'index.html');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Ihre personenbezogenen Daten');
    expect(html).toContain('Gespeichert, nicht in diesem Paket enthalten');
    expect(html).toContain('2 Jahre nach „last_login“');
    expect(html).toContain('25. November 2026');
    expect(text(zip.entries, 'README.txt')).toContain('Aktenzeichen der Anfrage: DSR-2026-<0001>');
  });

  it('builds a 100,000-row part', async () => {
    const sink = store.partSink('req_1', 'shop_db');
    for (let id = 0; id < 100_000; id++) {
      await sink.write('orders', { id, customer_id: 7, total: id / 100 });
    }
    expect(await sink.close()).toEqual({ orders: 100_000 });
    const result = await sut.build(
      input({
        systems: [{ system: shopDb, state: 'done', collections: [{ collection: 'orders', found: 100_000 }] }],
      }),
    );
    expect(result.entries).toBe(4);

    const zip = await unzip('req_1', 'pkg_1', 0);
    expect(zip.bad).toBeNull();
    const csv = zip.entries.find((entry) => entry.name === 'shop_db/orders.csv')!;
    expect(csv.lines).toBe(100_001);
    const json = zip.entries.find((entry) => entry.name === 'shop_db/orders.json')!;
    // One line per key plus braces per element, and the brackets.
    expect(json.lines).toBe(100_000 * 5 + 2);
  });

  it('leaves no package behind when an object cannot be read', async () => {
    await writeParts();
    const broken: FileSource = {
      openFile: () =>
        Promise.resolve(
          new Readable({
            read() {
              this.destroy(new Error('connection reset'));
            },
          }),
        ),
    };
    await expect(sut.build(input({ files: () => broken }))).rejects.toThrow(/connection reset/);
    await expect(sut.build(input({ files: () => undefined }))).rejects.toThrow(
      /media has object collections but no file source/,
    );
    expect(await store.hasPackage('req_1', 'pkg_1')).toBe(false);
    expect((await readdir(path.join(dir, 'req_1'))).filter((name) => !name.startsWith('parts'))).toEqual([]);
  });

  it('keeps systems not in the data map, after those that are', async () => {
    const extra: DataSystem = { ...legacy, key: 'extra', title: 'Extra' };
    await sut.build(
      input({
        systems: [
          { system: extra, state: 'done', collections: [] },
          { system: legacy, state: 'done', collections: [] },
        ],
      }),
    );
    const html = text((await unzip('req_1', 'pkg_1')).entries, 'index.html');
    expect(html.indexOf('id="system-legacy"')).toBeLessThan(html.indexOf('id="system-extra"'));
    expect(html).toContain('No records about you were found in this system.');
  });
});
