import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '@rightsdesk/config';
import { QUEUE_NAMES, QueueService } from '@rightsdesk/queue';
import { ConsoleSignIn } from '@rightsdesk/workflow';
import { adminOnly } from './admin-only.hook';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board over the catalogue's queues, for admins only. The per-system execution queues are
 * left out: they exist per data map system and are created on demand, while a failed system is
 * seen and retried from the request in the console.
 *
 * The UI works under the api's CSP as it is: its scripts and stylesheet come from this origin, its
 * config is a JSON script element (data, never executed), and inline styles are already allowed. The
 * only thing blocked is its Google Fonts stylesheet, which an admin page should not load anyway.
 */
export async function mountQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const queues = app.get(QueueService);
  const board = new BullBoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Rightsdesk queues' } },
  });
  const guard = adminOnly(app.get(ConsoleSignIn), config.http.publicUrl);
  // An encapsulated scope: the hooks apply to the board's routes and to nothing else.
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', guard);
    scope.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith(`${QUEUE_BOARD_PATH}/static/`)) {
        void reply.header('Cache-Control', 'no-store');
      }
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
