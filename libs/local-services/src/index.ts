export { freePort, isPortFree } from './free-port';
export { type LogKind, type LogLine, type RunningService } from './running-service';
export {
  findPostgresBinaries,
  startPostgres,
  type PostgresBinaries,
  type RunningPostgres,
  type StartPostgresOptions,
} from './postgres.launcher';
export { REDIS_MISSING_MESSAGE, startRedis, type StartRedisOptions } from './redis.launcher';
export {
  MAIL_CATCHER_SIZE_LIMIT,
  startMailCatcher,
  type StartMailCatcherOptions,
} from './mail-catcher.launcher';
export { stopSmtpServer } from './smtp-server-stop';
export { listenLoopbackSmtp, type LoopbackSmtpOptions } from './loopback-smtp';
export { createDatabaseIfMissing, databaseUrl, withPostgresClient } from './postgres-client';
export {
  S3RVER_ACCESS_KEY_ID,
  S3RVER_SECRET_ACCESS_KEY,
  startS3,
  type RunningS3,
  type StartS3Options,
} from './s3.launcher';
