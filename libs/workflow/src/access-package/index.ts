export * from './access-package.types';
export * from './package-builder';
export * from './package-cipher';
export * from './package-columns';
export * from './package-csv';
export * from './package-store';
export * from './zip-entry-name';
