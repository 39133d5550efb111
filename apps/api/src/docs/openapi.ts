import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@rightsdesk/config';

export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('Rightsdesk API')
    .setDescription(
      'Data subject requests: file, confirm and follow a privacy request. Every error is JSON with a stable `code` (see ErrorBody); rate-limited answers carry Retry-After.',
    )
    .setVersion('1')
    .addServer(config.http.publicUrl)
    .build();
  return SwaggerModule.createDocument(app, document);
}

export function mountOpenApi(app: INestApplication, config: AppConfig): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Rightsdesk API',
  });
}
