import { NeedsAuthenticationError } from '@forge/api';
import type { ResolverError } from '../../contract/resolvers';
import { isAppError } from '../../core/errors';

/**
 * App errors become `{error: {code, message}}`; anything unexpected becomes INTERNAL with no detail
 * (the name alone is logged, never a message that could echo input). Forge's consent prompt must
 * propagate, so the UI can ask the user to allow access.
 */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof NeedsAuthenticationError) throw error;
  if (isAppError(error)) {
    return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  }
  console.error('Unexpected resolver failure:', error instanceof Error ? error.name : typeof error);
  return { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } };
}
