import { type Connector, type SuppressionStore } from './connector';
import { resolveConfigValue } from './datamap/config-value';
import { type ConfigValue, type DataSystem } from './datamap/datamap.types';
import { OpenDsrConnector } from './opendsr/opendsr.connector';
import { PostgresConnector } from './postgres/postgres.connector';
import { S3Connector } from './s3/s3.connector';
import { SuppressionConnector } from './suppression/suppression.connector';
import { WebhookConnector } from './webhook/webhook.connector';

export interface ConnectorDeps {
  /** Where `{ env: NAME }` settings are read from; process.env in the apps. */
  env: Record<string, string | undefined>;
  /** Required by suppression systems: Rightsdesk's own list. */
  suppressionStore?: SuppressionStore;
  /** For webhook and opendsr systems; the global fetch by default. */
  fetch?: typeof fetch;
}

/** Builds the connector for one system of the data map, resolving its settings from the environment. */
export function createConnector(system: DataSystem, deps: ConnectorDeps): Connector {
  const resolve = (value: ConfigValue): string => {
    try {
      return resolveConfigValue(value, deps.env);
    } catch (error) {
      throw new Error(`System "${system.key}" (${system.kind}): ${(error as Error).message}`);
    }
  };
  const resolveOptional = (value: ConfigValue | undefined): string | undefined =>
    value === undefined ? undefined : resolve(value);

  switch (system.kind) {
    case 'postgres':
      return new PostgresConnector(system, { url: resolve(system.connection.url) });
    case 's3':
      return new S3Connector(system, {
        endpoint: resolveOptional(system.connection.endpoint),
        accessKeyId: resolveOptional(system.connection.accessKeyId),
        secretAccessKey: resolveOptional(system.connection.secretAccessKey),
      });
    case 'webhook':
      return new WebhookConnector(system, {
        url: resolve(system.connection.url),
        secret: resolve(system.connection.secret),
        fetch: deps.fetch,
      });
    case 'opendsr':
      return new OpenDsrConnector(system, {
        url: resolve(system.connection.url),
        token: resolveOptional(system.connection.token),
        trustedCertificates: resolveOptional(system.connection.trustedCertificates),
        fetch: deps.fetch,
      });
    case 'suppression':
      if (!deps.suppressionStore) {
        throw new Error(
          `System "${system.key}" (suppression) needs Rightsdesk's suppression store, and none was given`,
        );
      }
      return new SuppressionConnector(system, deps.suppressionStore);
    default: {
      const unknown: never = system;
      throw new Error(`Unknown system kind "${(unknown as DataSystem).kind}"`);
    }
  }
}
