/**
 * One error type for the whole app, and the one table of its codes with the HTTP status each answers
 * with. Codes are stable (scripts and the UI branch on them); messages are safe to show: they never
 * carry a secret, a stack trace or another user's data.
 */
export const ERROR_STATUS = {
  // Gateway
  INVALID_TOKEN: 401,
  GATEWAY_DISABLED: 503,
  OPERATION_NOT_GRANTED: 403,
  /** Answered exactly as Confluence answers a missing page, so a token cannot probe other spaces. */
  SPACE_NOT_GRANTED: 404,
  PURGE_NOT_ALLOWED: 403,
  /** A rendered body (view, export_view…) of a page whose macros or links would pull in other content. */
  RENDERED_BODY_REFUSED: 403,
  /** Outside the token's page trees: answered like a missing page. */
  PAGE_NOT_GRANTED: 404,
  /**
   * A page-tree token creating (or moving) a page without naming a parent. Says so instead of a missing
   * page's 404: it tells only what the token's holder already knows (that the token has page trees).
   */
  PARENT_REQUIRED: 400,
  IP_NOT_ALLOWED: 403,
  CURRENT_SECRET_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INVALID_REQUEST: 400,
  INVALID_CQL: 400,
  BINARY_UPLOAD_UNSUPPORTED: 415,
  PAYLOAD_TOO_LARGE: 413,
  /** Confluence's answer is over what Forge can return from a web trigger. */
  RESPONSE_TOO_LARGE: 502,
  URI_TOO_LONG: 414,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_ERROR: 502,
  IMPERSONATION_REFUSED: 502,
  /** Confluence did not answer within the request's deadline; a change may or may not have been made. */
  UPSTREAM_TIMEOUT: 504,
  // Resolvers
  VALIDATION_FAILED: 400,
  POLICY_VIOLATION: 400,
  INSUFFICIENT_PERMISSIONS: 403,
  TOKEN_LIMIT_REACHED: 409,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Errors that say when to try again carry `details.retryAfterSeconds`; the gateway sends it as Retry-After. */
export interface RetryDetails {
  retryAfterSeconds: number;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
