/**
 * Forge's limits, made the app's own: the app refuses or stops a little before the platform would, so
 * a client always gets the app's clear error instead of a platform failure (see docs on limits).
 */

/** Forge's web-trigger payload limit, which counts headers, query and the platform's metadata besides the body. */
export const FORGE_PAYLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Room left for what the platform adds to a payload: its context and metadata (installation and
 * environment ids, tracing, the headers its edge appends) and the field names of the invocation's JSON
 * envelope, a few KB in all. 64 KB covers them many times over and costs a client 1.2 % of the 5 MB.
 */
export const FORGE_PAYLOAD_MARGIN_BYTES = 64 * 1024;

/** The largest request (body, headers, query and path, counted as Forge carries them) the gateway accepts. */
export const MAX_REQUEST_BYTES = FORGE_PAYLOAD_BYTES - FORGE_PAYLOAD_MARGIN_BYTES;

/** The largest answer (body and headers, counted the same way) the gateway returns. */
export const MAX_RESPONSE_BYTES = FORGE_PAYLOAD_BYTES - FORGE_PAYLOAD_MARGIN_BYTES;

/** Forge stops a web-trigger invocation after 55 s (web-trigger functions cannot raise it). */
export const WEB_TRIGGER_TIMEOUT_MS = 55_000;

/**
 * Every Confluence call of one gateway request must end this long after the request started; the 15 s
 * left before Forge's 55 s cover the audit write (one KVS write, well under a second) and the answer.
 */
export const CONFLUENCE_BUDGET_MS = 40_000;

/**
 * Bytes of a value once JSON-encoded, as an invocation's payload carries it: a quote, backslash or
 * control character in a body takes two to six bytes there, so a body of 3 MB can make a 6 MB payload.
 */
export function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Scheduled functions may run up to 900 s when they declare `timeoutSeconds` (manifest.yml gives the
 * privacy job 900). Its run stops starting work this long in, leaving a minute to save where it stands.
 */
export const SCHEDULED_TIMEOUT_SECONDS = 900;
export const PRIVACY_RUN_BUDGET_MS = (SCHEDULED_TIMEOUT_SECONDS - 60) * 1000;
