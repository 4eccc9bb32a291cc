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
