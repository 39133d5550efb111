import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@rightsdesk/testing';
import { createDataSourceOptions } from '../data-source-options';
import { OutboxRepository } from './outbox.repository';

describe('OutboxRepository against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sut: OutboxRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions({ url: database.url, poolSize: 4 })).initialize();
    sut = new OutboxRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function aMessage(): Promise<string> {
    const id = randomUUID();
    await dataSource.transaction((tx) => sut.add(tx, { id, requestId: null, channel: 'email', template: 'verify_request', payload: Buffer.from('sealed') }));
    return id;
  }

  it('lets one sender claim a message, and nobody once it is sent', async () => {
    const id = await aMessage();
    expect(await sut.claim(id, 60)).toMatchObject({ id, attempts: 1 });
    expect(await sut.claim(id, 60)).toBeNull();
    await sut.release(id, 'SMTPError ECONNREFUSED');
    expect(await sut.claim(id, 60)).toMatchObject({ id, attempts: 2 });
    await sut.markSent(id);
    expect(await sut.claim(id, 60)).toBeNull();
    expect(await sut.findById(id)).toMatchObject({ status: 'sent', payload: null });
  });

  it('hands each committed message to exactly one relay', async () => {
    const ids = [await aMessage(), await aMessage(), await aMessage()];
    const [first, second] = await Promise.all([sut.takeUnrelayed(2), sut.takeUnrelayed(2)]);
    const taken = [...first, ...second];
    expect(taken.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(new Set(taken).size).toBe(taken.length);
    expect(await sut.takeUnrelayed(10)).toEqual([]);
  });
});
