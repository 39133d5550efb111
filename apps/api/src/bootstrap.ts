import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { genRequestId } from '@rightsdesk/platform';
import { ApiModule } from './app.module';
import { mountOpenApi } from './docs/openapi';

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

/** Everything around the module: logging, security headers, caching rules, OpenAPI. Tests use it too. */
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
  const fastify = app.getHttpAdapter().getInstance();
  // The JSON API takes JSON only; Fastify would otherwise hand a text/plain body to validation.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const isJson = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    done(request.url.startsWith('/api/v1/') && request.body !== undefined && !isJson ? new RequestException('unsupported_media_type', 'Send the body as application/json.') : undefined);
  });
  // API answers carry personal data or tokens: never cache them anywhere.
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    if (request.url.startsWith('/api/v1/')) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
  mountOpenApi(app, config);
}
