import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { genRequestId } from '@rightsdesk/platform';
import { mountQueueBoard } from './admin/queue-board';
import { ApiModule } from './app.module';
import { mountOpenApi } from './docs/openapi';
import { replyMultipartLimits } from './requests/reply-body';

// POST /api/v1/requests/{reference}/replies: the requester's answer with its files.
const MULTIPART_ROUTE = /^\/api\/v1\/requests\/[^/?#]+\/replies\/?(?:\?|$)/;

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    routerOptions: { maxParamLength: 200 },
    genReqId: genRequestId,
  });
}

export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), createFastifyAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
    // Provider callbacks are verified over the exact bytes received.
    rawBody: true,
  });
  await configureApiApp(app, config);
  return app;
}

/** Everything around the module: logging, security headers, caching rules, OpenAPI, the queue inspector. Tests use it too. */
export async function configureApiApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Inline styles only (our pages and Swagger UI); no inline scripts anywhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Multipart bodies are only marked here; a route that takes files reads them as they stream, and
  // busboy stops each file at the limit, so nothing unbounded is ever buffered.
  await app.register(multipart, { limits: replyMultipartLimits(config.console.uploadMaxFiles, config.console.uploadMaxBytes) });
  const fastify = app.getHttpAdapter().getInstance();
  // The JSON API takes JSON only; Fastify would otherwise hand a text/plain body to validation.
  // The one exception is the requester's answer, which may carry files.
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!request.url.startsWith('/api/v1/')) {
      done();
      return;
    }
    if (request.isMultipart()) {
      const takesFiles = request.method === 'POST' && MULTIPART_ROUTE.test(request.url);
      done(takesFiles ? undefined : new RequestException('unsupported_media_type', 'Send the body as application/json.'));
      return;
    }
    const isJson = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    done(request.body !== undefined && !isJson ? new RequestException('unsupported_media_type', 'Send the body as application/json.') : undefined);
  });
  // API answers carry personal data or tokens: never cache them anywhere.
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    if (request.url.startsWith('/api/v1/')) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
  mountOpenApi(app, config);
  await mountQueueBoard(app, config);
}
