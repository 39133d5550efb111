import type { ConfigValue } from './datamap.types';

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The value of a data map setting given inline or as `{ env: NAME }`. Resolved when a connector is
 * built, not when the map is parsed, so `rightsdesk check` can validate a map without its secrets.
 */
export function resolveConfigValue(
  value: ConfigValue,
  env: Record<string, string | undefined> = process.env,
): string {
  if ('value' in value) {
    return value.value;
  }
  const resolved = env[value.env];
  if (resolved === undefined || resolved === '') {
    throw new Error(`environment variable ${value.env} is not set (the data map reads a setting from it)`);
  }
  return resolved;
}
