import { ForgeKvsAPIError } from '@forge/kvs';
import { AppError } from '../../core/errors';

/** Forge publishes per-minute budgets but no reset time: half a window is a fair first wait. */
const RATE_LIMITED_RETRY_SECONDS = 30;
const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * A KVS failure as the gateway reports it: 503 with Retry-After, never a bare 5xx. A 429 from KVS
 * means the installation's budget is spent; the client waits longer then.
 */
export function storageFailure(error: unknown): AppError {
  const rateLimited = error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.code === 'RATE_LIMIT_EXCEEDED');
  return rateLimited
    ? new AppError('UPSTREAM_UNAVAILABLE', "The app's storage is over its per-minute budget; try again shortly.", { retryAfterSeconds: RATE_LIMITED_RETRY_SECONDS })
    : new AppError('UPSTREAM_UNAVAILABLE', 'The app could not reach its storage; try again shortly.', { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
}

/** Runs a storage call, reporting its failure as storageFailure does. */
export async function inStorage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw storageFailure(error);
  }
}
