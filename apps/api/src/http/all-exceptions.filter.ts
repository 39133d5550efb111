import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorSummary } from '@rightsdesk/queue';
import { mapError } from './error-mapping';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const errorId = randomUUID();
    const mapped = mapError(exception, errorId);
    if (mapped.unexpected) {
      // The stack helps us; the message might quote input, so it stays in the stack only.
      this.logger.error({ errorId, error: errorSummary(exception), stack: exception instanceof Error ? exception.stack : undefined }, 'unexpected error');
    }
    if (mapped.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(mapped.retryAfterSeconds));
    }
    void reply
      .status(mapped.status)
      .header('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({ ...mapped.body, requestId: String(request.id) });
  }
}
