/** The environment variable that makes `npm start` enforce Forge KVS's per-minute budgets. */
export const KVS_RATE_LIMITS_VARIABLE = 'KVS_RATE_LIMITS';

/**
 * `KVS_RATE_LIMITS=1 npm start` enforces Forge's 4,000 KVS reads and 4,000 writes a minute, so a flood
 * sent at the local gateway meets the limits a site would; unset or `0`, storage is unlimited (the
 * default, so seeding and scripted demos never wait for a minute to turn).
 */
export function kvsRateLimitsFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env[KVS_RATE_LIMITS_VARIABLE];
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`${KVS_RATE_LIMITS_VARIABLE} must be 1 (enforce Forge's KVS budgets) or 0, not ${value}`);
}
