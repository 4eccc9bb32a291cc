import { EmulatedApp } from '../../emulator/app';
import type { WebTriggerCall, WebTriggerResponse } from '../../emulator/platform';
import type { CreateTokenInput } from '../../src/contract/resolvers';

export { SEED } from '../../emulator/confluence';

/** Runs `body` against a fresh in-memory app on the emulated platform (one may be installed at a time). */
export async function withApp<T>(body: (app: EmulatedApp) => Promise<T>): Promise<T> {
  const app = EmulatedApp.start();
  try {
    return await body(app);
  } finally {
    app.close();
  }
}

/** Issues a token through the real resolver, as the token panel does; answers the plaintext. */
export async function issueToken(app: EmulatedApp, accountId: string, input: Partial<CreateTokenInput> = {}): Promise<{ token: string; id: string }> {
  const answer = (await app.invoke(accountId, 'createToken', {
    label: 'bench',
    spaceKeys: ['DOCS'],
    operations: ['read', 'create', 'update', 'delete'],
    expiresInDays: 30,
    ...input,
  })) as { token?: string; info?: { id: string }; error?: unknown };
  if (!answer.token || !answer.info) throw new Error(`createToken failed: ${JSON.stringify(answer.error)}`);
  return { token: answer.token, id: answer.info.id };
}

export interface GatewayRequest {
  method?: string;
  path: string;
  authorization?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** One gateway call in the web trigger's request shape, as Forge delivers it. */
export function gateway(app: EmulatedApp, request: GatewayRequest): Promise<WebTriggerResponse> {
  const headers: Record<string, string[]> = {};
  if (request.authorization !== undefined) headers.authorization = [request.authorization];
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = [value];
  const call: WebTriggerCall = {
    method: request.method ?? 'GET',
    path: `/x/gateway${request.path}`,
    userPath: request.path,
    headers,
    queryParameters: Object.fromEntries(Object.entries(request.query ?? {}).map(([name, value]) => [name, [value]])),
    body: request.body ?? '',
  };
  return app.webTrigger('gateway', call);
}

/** A storage-format page body for create and update calls. */
export function pageBody(fields: { title: string; spaceId?: string; parentId?: string; id?: string; version?: number }): string {
  return JSON.stringify({
    ...(fields.id !== undefined && { id: fields.id }),
    ...(fields.spaceId !== undefined && { spaceId: fields.spaceId }),
    ...(fields.parentId !== undefined && { parentId: fields.parentId }),
    status: 'current',
    title: fields.title,
    body: { representation: 'storage', value: `<p>${fields.title}</p>` },
    ...(fields.version !== undefined && { version: { number: fields.version } }),
  });
}
