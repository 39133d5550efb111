export { createTestDatabase, type TestDatabase } from './test-database';
export { createScratchDatabase } from './scratch-database';
export { postgresTestUrl, redisTestUrl, uniqueQueuePrefix } from './test-service-urls';
export { startSmtpSink, type SmtpSink } from './smtp-sink';
export { testEnv, type TestEnv } from './test-env';
export { TEMPLATE_DATABASE, TEST_PG_URL_VAR, TEST_REDIS_URL_VAR, TEST_S3_URL_VAR } from './test-services.constants';
export { startAppProcess, type AppProcess } from './app-process';
export {
  createTestBucket,
  createTestS3Client,
  s3TestCredentials,
  s3TestEndpoint,
  TEST_S3_REGION,
  type TestBucket,
} from './s3-test';
export {
  type OpenDsrProcessor,
  type OpenDsrProcessorOptions,
  type OpenDsrTestStatus,
  type ReceivedRequest,
  type SignedCallback,
  startOpenDsrProcessor,
} from './opendsr-processor';
export { startTestProvider, type ProviderMode, type SignedCall, type TestProvider } from './test-provider';
export { companyDataMap, type CompanyDataMapOptions, createCompanySchema } from './company-store';
export { eventually, waitFor } from './wait-for';
export { launchBrowser, openPage, screenshot, SCREENSHOT_DIR, seriousAccessibilityViolations, type AxeViolation, type WatchedPage } from './browser';
export { DrpAgentClient, type DrpClaims, type DrpEnvelope, DrpExerciseMessages, type DrpPairingClaims, type DrpStatus } from './drp-agent-client';
export { DrpCallbackReceiver } from './drp-callback-receiver';
