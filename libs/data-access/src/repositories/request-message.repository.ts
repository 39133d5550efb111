import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type RequestMessageKind, RequestMessageEntity } from '../entities/request-message.entity';

export type NewRequestMessage = Pick<RequestMessageEntity, 'id' | 'requestId' | 'kind' | 'authorType' | 'authorId' | 'body'>;

@Injectable()
export class RequestMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Within the caller's transaction, with the action the message belongs to. */
  async add(tx: EntityManager, message: NewRequestMessage): Promise<void> {
    await tx.getRepository(RequestMessageEntity).insert(message);
  }

  /** Oldest first; `kinds` narrows to some kinds. */
  listByRequest(requestId: string, kinds?: readonly RequestMessageKind[]): Promise<RequestMessageEntity[]> {
    const query = this.dataSource
      .getRepository(RequestMessageEntity)
      .createQueryBuilder('m')
      .where('m.request_id = :requestId', { requestId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (kinds) {
      query.andWhere('m.kind = ANY(:kinds)', { kinds: [...kinds] });
    }
    return query.getMany();
  }
}
