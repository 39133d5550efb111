import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConsoleSettingEntity } from '../entities/console-setting.entity';

@Injectable()
export class ConsoleSettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(key: string): Promise<unknown> {
    const row = await this.dataSource.getRepository(ConsoleSettingEntity).findOneBy({ key });
    return row?.value;
  }

  async set(tx: EntityManager, key: string, value: unknown, updatedBy: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO console_setting (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [key, JSON.stringify(value), updatedBy],
    );
  }
}
