import type { IncomingMessage, ServerResponse } from 'node:http';
import { isResolverError } from '../../src/contract/resolvers';
import { ERROR_STATUS, type ErrorCode } from '../../src/core/errors';
import type { EmulatedApp } from '../app';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http-io';
import { requestUser, unknownUserMessage, type Site } from './site';
import type { UiModule } from './ui-modules';

/**
 * Marks answers that are the resolver's own return value. The iframe bridge resolves `invoke()` with
 * those, and rejects on the rest (the local host's refusals, a resolver that threw), as Forge's does.
 */
const INVOKE_OUTCOME_HEADER = 'x-local-invoke-outcome';

interface InvokeRequest {
  moduleKey: string;
  key: string;
  payload: unknown;
  extension?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body, or why it is not one. */
function parseInvokeRequest(text: string, modules: readonly UiModule[]): InvokeRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'The body is not valid JSON.';
  }
  if (!isRecord(body)) return 'The body must be a JSON object {moduleKey, key, payload, extension?}.';
  const { moduleKey, key, payload, extension } = body;
  if (typeof key !== 'string' || key === '') return 'key must name a resolver function, e.g. "listTokens".';
  if (typeof moduleKey !== 'string' || !modules.some((module) => module.key === moduleKey)) {
    return `moduleKey must be one of ${modules.map((module) => module.key).join(', ')}.`;
  }
  if (extension !== undefined && !isRecord(extension)) return 'extension must be an object, e.g. {"space": {"key": "DOCS", "id": "10001"}}.';
  return { moduleKey, key, payload: payload ?? {}, extension };
}

function statusOf(code: string): number {
  return Object.hasOwn(ERROR_STATUS, code) ? ERROR_STATUS[code as ErrorCode] : 500;
}

/** `POST /__local/invoke`: runs a resolver as the user named by X-Local-Account-Id, as a Custom UI `invoke()` does. */
export async function handleInvoke(
  app: EmulatedApp,
  site: Site,
  modules: readonly UiModule[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'Use POST.');
  const user = requestUser(site, request);
  if (!user) return sendError(response, 401, 'UNKNOWN_USER', unknownUserMessage(site));
  let text: string;
  try {
    text = (await readBody(request)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
    throw error;
  }
  const call = parseInvokeRequest(text, modules);
  if (typeof call === 'string') return sendError(response, 400, 'INVALID_REQUEST', call);

  let result: unknown;
  try {
    result = await app.invoke(user.accountId, call.key, call.payload, { moduleKey: call.moduleKey, extension: call.extension });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Resolver ${call.key} (${call.moduleKey}) failed: ${message}`);
    return sendError(response, 500, 'RESOLVER_FAILED', message);
  }
  const status = isResolverError(result) ? statusOf(result.error.code) : 200;
  sendJson(response, status, result ?? null, { [INVOKE_OUTCOME_HEADER]: 'returned' });
}
