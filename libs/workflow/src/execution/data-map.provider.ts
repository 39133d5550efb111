import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type Connector, createConnector, type DataMap, type DataSystem, loadDataMap } from '@rightsdesk/connectors';
import { RequestException } from '@rightsdesk/domain';
import { SuppressionStoreAdapter } from './suppression-store.adapter';

// Loads the data map once at boot — an invalid map stops the process with the file, line and key
// at fault instead of failing the first approved request — and hands out one connector per system.
@Injectable()
export class DataMapProvider implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DataMapProvider.name);
  private map: DataMap | null = null;
  private readonly connectors = new Map<string, Connector>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly suppressionStore: SuppressionStoreAdapter,
  ) {}

  async onModuleInit(): Promise<void> {
    const path = this.config.execution.dataMapPath;
    if (path) {
      this.map = await loadDataMap(path);
      this.logger.log({ systems: this.map.systems.length, sha256: this.map.sha256 }, 'data map loaded');
    }
  }

  get configured(): boolean {
    return this.map !== null;
  }

  get(): DataMap {
    if (!this.map) {
      throw new RequestException('no_data_map', 'No data map is configured (DATAMAP_PATH), so approved requests cannot run.');
    }
    return this.map;
  }

  system(key: string): DataSystem | undefined {
    return this.map?.systems.find((system) => system.key === key);
  }

  connector(systemKey: string): Connector {
    let connector = this.connectors.get(systemKey);
    if (!connector) {
      const system = this.system(systemKey);
      if (!system) {
        throw new Error(`system ${systemKey} is not in the data map`);
      }
      connector = createConnector(system, { env: process.env, suppressionStore: this.suppressionStore });
      this.connectors.set(systemKey, connector);
    }
    return connector;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.connectors.values()].map((connector) => connector.close()));
    this.connectors.clear();
  }
}
