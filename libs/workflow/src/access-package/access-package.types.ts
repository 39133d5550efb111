import type { DataMap, DataSystem, FileSource } from '@rightsdesk/connectors';

export type PackageLanguage = 'en' | 'de';

export type PackageSystemState = 'done' | 'failed' | 'pending';

export interface PackageSystemInput {
  system: DataSystem;
  state: PackageSystemState;
  collections: Array<{ collection: string; found: number }>;
}

export interface AccessPackageInput {
  requestId: string;
  packageId: string;
  /** The request's reference as the data subject knows it. */
  reference: string;
  companyName: string;
  generatedAt: Date;
  language: PackageLanguage;
  dataMap: DataMap;
  systems: PackageSystemInput[];
  /** Object access for systems with object collections (S3). */
  files: (systemKey: string) => FileSource | undefined;
}

/** What the index page and README say about the package as a whole. */
export type PackageCover = Pick<AccessPackageInput, 'companyName' | 'reference' | 'generatedAt' | 'language'>;

export interface AccessPackageResult {
  /** Size of the encrypted file. */
  bytes: number;
  /** sha256 hex of the encrypted file. */
  sha256: string;
  /** ZIP entries written. */
  entries: number;
}
