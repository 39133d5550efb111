export const REDIS_CONNECTION = 'rightsdesk:redis-connection';
