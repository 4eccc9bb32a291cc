import type { EmulatedApp } from '../../emulator/app';
import type { CreateTokenInput, TokenInfo } from '../../src/contract/resolvers';

export interface RawCall {
  method: string;
  /** What follows the trigger's URL, as Forge passes it in `userPath`. */
  path: string;
  headers?: Record<string, string[]>;
  query?: Record<string, string[]>;
  body?: string;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

/** One gateway call in the web trigger's own request shape: several values per header or parameter, any text. */
export async function callGateway(app: EmulatedApp, call: RawCall): Promise<RawAnswer> {
  const response = await app.webTrigger('gateway', {
    method: call.method,
    path: `/x/gateway${call.path}`,
    userPath: call.path,
    headers: call.headers ?? {},
    queryParameters: call.query ?? {},
    body: call.body ?? '',
  });
  return { status: response.statusCode, headers: response.headers ?? {}, body: response.body ?? '' };
}

/** Issues a token through the resolver, as the token panel does. */
export async function issueToken(app: EmulatedApp, accountId: string, input: Partial<CreateTokenInput> = {}): Promise<{ token: string; info: TokenInfo }> {
  const answer = (await app.invoke(accountId, 'createToken', {
    label: `${accountId}'s script`,
    spaceKeys: ['DOCS'],
    operations: ['read'],
    expiresInDays: 30,
    ...input,
  })) as { token?: string; info?: TokenInfo; error?: unknown };
  if (!answer.token || !answer.info) throw new Error(`createToken failed: ${JSON.stringify(answer.error)}`);
  return { token: answer.token, info: answer.info };
}

export const bearer = (token: string) => ({ authorization: [`Bearer ${token}`] });
