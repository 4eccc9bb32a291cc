import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedApp } from '../app';
import { PLATFORM_PAYLOAD_TOO_LARGE, type WebTriggerCall, type WebTriggerResponse } from '../platform';
import { BodyTooLargeError, readBody, sendText } from './http-io';

const TRIGGER_PATH = /^\/x\/([^/]+)(\/.*)?$/;

/** `::ffff:127.0.0.1` → `127.0.0.1`, as an edge reports IPv4 clients. */
function clientAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/**
 * Headers as Forge passes them (`Record<string, string[]>`): lower-case names, each repeated header line
 * as a value of its own, and the client's address appended by the edge as the last x-forwarded-for value.
 */
function forgeHeaders(request: IncomingMessage): Record<string, string[]> {
  const headers: Record<string, string[]> = { ...request.headersDistinct } as Record<string, string[]>;
  headers['x-forwarded-for'] = [...(headers['x-forwarded-for'] ?? []), clientAddress(request)];
  return headers;
}

function queryParameters(url: URL): Record<string, string[]> {
  const parameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (parameters[name] ??= []).push(value);
  return parameters;
}

/** `ANY /x/<key>/<rest>`: the web trigger `<key>` with Forge's request shape; its response is sent back as is. */
export async function handleWebTrigger(app: EmulatedApp, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const [, key, rest] = TRIGGER_PATH.exec(url.pathname) ?? [];
  if (!key || !app.platform.manifest.webTriggerKeys.includes(key)) {
    return sendText(response, 404, `manifest.yml declares no web trigger ${key ?? ''}`.trim());
  }
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendAnswer(response, PLATFORM_PAYLOAD_TOO_LARGE, true);
    throw error;
  }
  const call: WebTriggerCall = {
    method: request.method ?? 'GET',
    path: url.pathname,
    userPath: rest ?? '',
    headers: forgeHeaders(request),
    queryParameters: queryParameters(url),
    body: body.toString('utf8'),
  };
  sendAnswer(response, await app.webTrigger(key, call), false);
}

/** Sends a web trigger's answer; `close` ends the connection too (a body was left unread). */
function sendAnswer(response: ServerResponse, answer: WebTriggerResponse, close: boolean): void {
  if (answer.statusText) response.statusMessage = answer.statusText;
  response.writeHead(answer.statusCode, { ...answer.headers, ...(close && { connection: 'close' }) });
  response.end(answer.body ?? '');
}
