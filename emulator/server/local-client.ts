import type { LocalServer } from './server';

/** Calls to a running local server over HTTP, as a browser or a script would make them (tests, the demo seed). */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function request(server: LocalServer, path: string, init: RequestInit = {}): Promise<Answer> {
  return answer(await fetch(`${server.url}${path}`, init));
}

/** `POST /__local/invoke` as `accountId`, as the Custom UI's invoke() does. */
export function invoke(
  server: LocalServer,
  accountId: string,
  key: string,
  payload: unknown = {},
  options: { moduleKey?: string; extension?: Record<string, unknown> } = {},
): Promise<Answer> {
  return request(server, '/__local/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-account-id': accountId },
    body: JSON.stringify({ moduleKey: options.moduleKey ?? 'api-tokens', key, payload, extension: options.extension }),
  });
}

/** A gateway call with a Bearer token, JSON in and out. */
export function gateway(server: LocalServer, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return request(server, `/x/gateway${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
