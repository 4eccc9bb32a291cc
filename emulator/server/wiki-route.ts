import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson, sendTooLarge } from './http-io';
import { requestUser, unknownUserMessage, type Site } from './site';
import type { ViolationLog } from './violations';

/** Confluence v2's error envelope, so a curl user reads local refusals like Confluence's own. */
function confluenceError(status: number, title: string, detail: string) {
  return { errors: [{ status, code: title.toUpperCase().replace(/ /g, '_'), title, detail }] };
}

function firstValues(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) if (values?.[0] !== undefined) headers[name] = values[0];
  return headers;
}

/**
 * `/wiki/...`: the Confluence stand-in itself, acting as the user named by X-Local-Account-Id, so
 * anyone can look at the ground truth the app works on. Routes it does not implement answer 501.
 */
export async function handleWiki(violations: ViolationLog, site: Site, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const user = requestUser(site, request);
  if (!user) return sendJson(response, 401, confluenceError(401, 'Unauthorized', unknownUserMessage(site)));
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendTooLarge(response, confluenceError(413, 'Payload Too Large', error.message));
    throw error;
  }
  const answer = await violations.handleDirect({
    method: request.method ?? 'GET',
    path: request.url ?? '/wiki',
    headers: firstValues(request),
    body: body.length > 0 ? body.toString('utf8') : undefined,
    identity: { kind: 'user', accountId: user.accountId },
  });
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}
