import { AppError } from '../../core/errors';

/** A gateway call, already translated from the web trigger's request shape. */
export interface GatewayRequest {
  method: string;
  /** The part after the trigger's URL, e.g. `/wiki/api/v2/pages/123`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names, first value of each. */
  headers: Record<string, string | undefined>;
  body: string;
}

/** 5 MB, Forge's web-trigger payload limit and Confluence's own. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** No route's path comes near it; Confluence's longest are under 100 characters plus ids. */
export const MAX_PATH_LENGTH = 1024;
/** As serialized (`a=1&b=2`, percent-encoded): the limit common servers put on a whole request line. */
export const MAX_QUERY_BYTES = 8 * 1024;

/**
 * Size limits checked before anything else (authentication included), each in time linear in what
 * it measures, so an oversized request costs next to nothing and reaches no storage.
 */
export function sizeRefusal(request: GatewayRequest): AppError | undefined {
  if (request.path.length > MAX_PATH_LENGTH) return new AppError('URI_TOO_LONG', `The path is over ${MAX_PATH_LENGTH} characters.`);
  if (request.query.toString().length > MAX_QUERY_BYTES) return new AppError('URI_TOO_LONG', `The query string is over ${MAX_QUERY_BYTES / 1024} KB.`);
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is over 5 MB.');
  return undefined;
}
