import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type Tx = EntityManager;

// The unit of work: services compose repository calls inside one transaction without seeing SQL.
@Injectable()
export class DatabaseTransactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // PostgreSQL's default, READ COMMITTED; naming it would cost a SET TRANSACTION round trip.
    return this.dataSource.transaction(work);
  }
}
