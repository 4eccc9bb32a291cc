/** What Forge passes a web trigger function as its first argument. */
export interface WebTriggerRequest {
  method: string;
  path: string;
  /** The part of the path after the trigger's id; `''` when none. */
  userPath: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
  context: { cloudId: string; moduleKey: string };
}

/** What a web trigger with `response: {type: dynamic}` must return. */
export interface WebTriggerResponse {
  statusCode: number;
  statusText?: string;
  headers?: Record<string, string[]>;
  body?: string;
}

/** The request as a caller supplies it to `invokeWebTrigger`; the rest is filled in. */
export type WebTriggerCall = Pick<WebTriggerRequest, 'method' | 'path'> &
  Partial<Omit<WebTriggerRequest, 'method' | 'path' | 'context'>>;

function isStringListRecord(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))
  );
}

/** Why Forge would reject a handler's answer, or undefined when it is a valid dynamic response. */
export function invalidResponseReason(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    return 'the handler did not return an object';
  }
  const { statusCode, statusText, headers, body } = response as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return 'statusCode must be an integer HTTP status';
  }
  if (statusText !== undefined && typeof statusText !== 'string') return 'statusText must be a string';
  if (headers !== undefined && !isStringListRecord(headers)) return 'headers must map names to lists of strings';
  if (body !== undefined && typeof body !== 'string') return 'body must be a string';
  return undefined;
}

/** The answer Forge gives the caller when the function fails or returns something invalid. */
export const PLATFORM_ERROR_RESPONSE: WebTriggerResponse = {
  statusCode: 500,
  headers: { 'content-type': ['text/plain'] },
  body: 'Internal Server Error',
};

/**
 * Forge's function payload limit, for a web trigger's request and its response alike: 5 MB counting
 * headers, query and the platform's metadata besides the body. Counted here as the invocation's JSON.
 */
export const FORGE_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function payloadSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** What Forge's edge answers for a request over the payload limit; the function never runs. */
export const PLATFORM_PAYLOAD_TOO_LARGE: WebTriggerResponse = {
  statusCode: 413,
  headers: { 'content-type': ['text/plain'] },
  body: 'Payload Too Large',
};
