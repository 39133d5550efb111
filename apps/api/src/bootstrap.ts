import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { genRequestId } from '@rightsdesk/platform';
import { mountQueueBoard } from './admin/queue-board';
import { ApiModule } from './app.module';
import { mountOpenApi } from './docs/openapi';
import { mountWebAssets } from './web/mount-web-assets';
import { isMultipartForm } from './http/multipart-form';

// POST /api/v1/requests/{reference}/replies: the requester's answer with its files.
const MULTIPART_ROUTE = /^\/api\/v1\/requests\/[^/?#]+\/replies\/?(?:\?|$)/;

// The methods whose body Fastify hands to a content-type parser; others never carry a form.
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// OpenDSR callbacks are verified over the exact bytes before anything parses them (spec 8.8).
const OPENDSR_CALLBACK = /^\/api\/v1\/opendsr\/[^/?#]+\/callbacks\/?(?:\?|$)/;
const OPENDSR_RAW_TYPE = 'application/x-rightsdesk-opendsr-raw';

function dropDrpExerciseSlash(url: string, basePath: string): string {
  const exercise = `${basePath}/v1/data-rights-request/`;
  return url === exercise || url.startsWith(`${exercise}?`) ? url.slice(0, exercise.length - 1) + url.slice(exercise.length) : url;
}

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    routerOptions: { maxParamLength: 200 },
    genReqId: genRequestId,
    // DRP before 0.9.3 put a trailing slash on the exercise endpoint and agents written then still
    // send it (§2.01 lets us accept it). Nest registers one path for both spellings, so the slash
    // is dropped before routing, for that one path only.
    rewriteUrl: (request: { url?: string }) => dropDrpExerciseSlash(request.url ?? '/', config.drp.basePath),
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
  const fastify = app.getHttpAdapter().getInstance();
  // Multipart bodies are left unread here: the one route that takes files (the requester's answer,
  // which the privacy center's status page posts) reads request.raw with busboy as it streams
  // (requests/reply-body.ts), after checking the link, and stops each file at its limit. Not
  // @fastify/multipart: it adds hooks and decorators to every request of every route for the sake
  // of that one. (No preParsing hook wraps the payload, so request.raw is the body as sent.)
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
  // DRP agents sign a body and send it as text/plain (DRP 1.0 §2.0), but some send no Content-Type
  // or a wrong one (a DELETE without one, base64 labelled as JSON). Under the DRP base path only, a
  // body is read as text whatever it is labelled: Fastify's text/plain parser then hands the exact
  // characters to the signature check. Nothing changes for any other route.
  const drpPrefix = `${config.drp.basePath}/`;
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.url.startsWith(drpPrefix) && METHODS_WITH_BODY.has(request.method)) {
      request.raw.headers['content-type'] = 'text/plain; charset=utf-8';
    }
    done();
  });
  // An OpenDSR processor's callback reaches its receiver as the bytes it signed, whatever its
  // Content-Type says: not even malformed JSON is looked at before the signature is checked.
  fastify.addContentTypeParser(OPENDSR_RAW_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'POST' && OPENDSR_CALLBACK.test(request.url)) {
      request.raw.headers['content-type'] = OPENDSR_RAW_TYPE;
    }
    done();
  });
  // The JSON API takes JSON only; Fastify would otherwise hand a text/plain body to validation.
  // The one exception is the requester's answer, which may carry files.
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!request.url.startsWith('/api/v1/')) {
      done();
      return;
    }
    if (METHODS_WITH_BODY.has(request.method) && isMultipartForm(request.headers['content-type'])) {
      const takesFiles = request.method === 'POST' && MULTIPART_ROUTE.test(request.url);
      done(takesFiles ? undefined : new RequestException('unsupported_media_type', 'Send the body as application/json.'));
      return;
    }
    const isJson = /^application\/json\b/i.test(request.headers['content-type'] ?? '') || request.headers['content-type'] === OPENDSR_RAW_TYPE;
    done(request.body !== undefined && !isJson ? new RequestException('unsupported_media_type', 'Send the body as application/json.') : undefined);
  });
  // API answers carry personal data or tokens: never cache them anywhere.
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    if (request.url.startsWith('/api/v1/') || request.url.startsWith(drpPrefix)) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
  mountOpenApi(app, config);
  await mountWebAssets(app);
  await mountQueueBoard(app, config);
}
