import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type AppConfig } from './app-config';

// Injection token for the validated configuration; a symbol-free string keeps it stable across bundles.
export const APP_CONFIG = 'rightsdesk:app-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
