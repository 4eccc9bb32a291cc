import { AppError } from '../../core/errors';
import { MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, payloadBytes } from '../../core/forge-limits';
import type { UpstreamResponse } from '../../ports/confluence';

/** A gateway call, already translated from the web trigger's request shape. */
export interface GatewayRequest {
  method: string;
  /** The part after the trigger's URL, e.g. `/wiki/api/v2/pages/123`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names; a repeated header's values joined with ", " in the order received (the edge's x-forwarded-for entry last). */
  headers: Record<string, string | undefined>;
  body: string;
  /**
   * The size of the whole request as Forge's payload carries it (every header and value, the query,
   * the path and the body, JSON-encoded): Forge's 5 MB counts all of it, not the body alone.
   */
  payloadBytes: number;
}
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
  if (request.payloadBytes > MAX_REQUEST_BYTES) {
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is over the gateway's ${MAX_REQUEST_BYTES.toLocaleString('en-US')} bytes (body, headers and query together, JSON-encoded as Forge carries them).`,
    );
  }
  return undefined;
}

/**
 * An answer Forge could not return (its payload limit counts headers too) is refused with the app's
 * own error, never left to fail on the platform. Lists can be asked for in smaller pages. A change's
 * answer echoes what it was sent, which the request cap bounds alike; should one be over all the same,
 * the message says the change was made.
 */
export function answerRefusal(response: UpstreamResponse): AppError | undefined {
  const bytes = payloadBytes(response);
  if (bytes <= MAX_RESPONSE_BYTES) return undefined;
  const made = response.status < 400 ? ` Confluence answered ${response.status}: anything the request changed was changed.` : '';
  return new AppError(
    'RESPONSE_TOO_LARGE',
    `Confluence's answer is ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_RESPONSE_BYTES.toLocaleString('en-US')} the gateway can return through Forge; ask for fewer results (limit) or a lighter body-format.${made}`,
  );
}
