/**
 * Errors as the Forge KVS REST API answers them: an HTTP status and a JSON body `{code, message}` that
 * @forge/kvs turns into `ForgeKvsAPIError` (extra body fields land in `error.context`).
 *
 * `KEY_NOT_FOUND` (404) is the one code the SDK interprets (get → undefined, delete → success). The
 * others are not published by Atlassian; they are chosen to be specific so the app can tell them apart.
 */
export const KvsErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  INVALID_KEY: 'INVALID_KEY',
  VALUE_TOO_LARGE: 'VALUE_TOO_LARGE',
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  KEY_ALREADY_EXISTS: 'KEY_ALREADY_EXISTS',
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  INVALID_CURSOR: 'INVALID_CURSOR',
  CONDITIONAL_CHECK_FAILED: 'CONDITIONAL_CHECK_FAILED',
  FORBIDDEN: 'FORBIDDEN',
  UNKNOWN_ENDPOINT: 'UNKNOWN_ENDPOINT',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
} as const;
export type KvsErrorCode = (typeof KvsErrorCode)[keyof typeof KvsErrorCode];

const STATUS: Record<KvsErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_KEY: 400,
  VALUE_TOO_LARGE: 400,
  VALIDATION_ERROR: 400,
  INVALID_CURSOR: 400,
  FORBIDDEN: 403,
  KEY_NOT_FOUND: 404,
  UNKNOWN_ENDPOINT: 404,
  KEY_ALREADY_EXISTS: 409,
  CONDITIONAL_CHECK_FAILED: 409,
  RATE_LIMIT_EXCEEDED: 429,
};

export class KvsError extends Error {
  readonly status: number;

  constructor(
    readonly code: KvsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'KvsError';
    this.status = STATUS[code];
  }

  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export function badRequest(message: string): KvsError {
  return new KvsError(KvsErrorCode.BAD_REQUEST, message);
}
