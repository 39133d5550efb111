// Shared with tools/jest/global-setup.ts, which loads this file without path aliases: keep it
// free of imports.

/** Server URL (database `postgres`) of the PostgreSQL the Jest global setup started. */
export const TEST_PG_URL_VAR = 'RIGHTSDESK_TEST_PG_URL';
/** URL of the Redis the Jest global setup started, shared by all test files. */
export const TEST_REDIS_URL_VAR = 'RIGHTSDESK_TEST_REDIS_URL';
/** Endpoint (`http://127.0.0.1:PORT`) of the s3rver the Jest global setup started; path-style only. */
export const TEST_S3_URL_VAR = 'RIGHTSDESK_TEST_S3_URL';
/** Migrated once per run; every test file clones it. */
export const TEMPLATE_DATABASE = 'rightsdesk_template';
/** Prefix of the per-run temporary directories, so strays from a killed run can be recognised. */
export const TEST_DIR_PREFIX = 'rightsdesk-test-';
