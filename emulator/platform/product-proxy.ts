import type { Identity, Product, ProductResponse } from '../product';
import type { ScopeGrant } from './manifest';

/** Why the emulated Forge proxy refused a product call. */
export type RefusalReason = 'missing-scope' | 'impersonation-not-allowed' | 'no-user';

export interface ProxyRefusal {
  reason: RefusalReason;
  method: string;
  path: string;
  /** The scope alternatives the call needed (empty when unknown). */
  requiredScopes: string[][];
  /** The account `asUser(accountId)` asked for, if any. */
  requestedAccountId?: string;
  /** The user who invoked the function, if any. */
  invokingAccountId?: string;
}

/** How @forge/api describes a product call to `__forge_fetch__` (see @forge/api/out/api/fetch.js). */
export interface ProductDescriptor {
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface ProductCall {
  descriptor: ProductDescriptor;
  path: string;
  init?: RequestInit;
  invokingAccountId?: string;
}

/**
 * The header @forge/api turns into `ProxyRequestError(status, errorCode)` for the app to catch, so an
 * impersonation the platform refuses can never look like an ordinary product answer.
 */
export const FORGE_PROXY_ERROR_HEADER = 'forge-proxy-error';
export const IMPERSONATION_NOT_ALLOWED = 'IMPERSONATION_NOT_ALLOWED';
export const USER_CONTEXT_MISSING = 'USER_CONTEXT_MISSING';

function refusalResponse(reason: RefusalReason): Response {
  if (reason === 'missing-scope') {
    // What Atlassian's API gateway answers to a token that lacks the scope an endpoint needs.
    return new Response(JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
  }
  // Unconfirmed wire format: a 403 flagged as a proxy error, which @forge/api throws as ProxyRequestError
  // with `errorCode` IMPERSONATION_NOT_ALLOWED or USER_CONTEXT_MISSING and `status` 403.
  const errorCode = reason === 'no-user' ? USER_CONTEXT_MISSING : IMPERSONATION_NOT_ALLOWED;
  return new Response(JSON.stringify({ code: 403, message: errorCode }), {
    status: 403,
    headers: { 'content-type': 'application/json', [FORGE_PROXY_ERROR_HEADER]: errorCode },
  });
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => (record[name] = value));
  return record;
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error('The emulated Forge proxy accepts string, URLSearchParams or byte bodies only');
}

function toFetchResponse({ status, headers, body }: ProductResponse): Response {
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : body, { status, headers });
}

/**
 * Forwards @forge/api product calls to the emulated product with the caller's identity, enforcing the
 * manifest's scopes the way the Forge proxy does. Refusals are recorded through `onRefusal`.
 */
export class ProductProxy {
  constructor(
    private readonly product: Product,
    private readonly scopes: ReadonlyMap<string, ScopeGrant>,
    private readonly onRefusal: (refusal: ProxyRefusal) => void,
    /** Closed (deleted) accounts cannot be impersonated, as deactivated ones cannot. */
    private readonly accountClosed: (accountId: string) => boolean = () => false,
  ) {}

  async handle({ descriptor, path, init, invokingAccountId }: ProductCall): Promise<Response> {
    const method = (init?.method ?? 'GET').toUpperCase();
    const requested = descriptor.accountId;
    const alternatives = this.product.requiredScopes(method, path);
    const refuse = (reason: RefusalReason): Response => {
      this.onRefusal({
        reason,
        method,
        path,
        requiredScopes: alternatives ?? [],
        ...(requested !== undefined && { requestedAccountId: requested }),
        ...(invokingAccountId !== undefined && { invokingAccountId }),
      });
      return refusalResponse(reason);
    };

    let identity: Identity = { kind: 'app' };
    if (descriptor.provider === 'user') {
      const accountId = requested ?? invokingAccountId;
      if (accountId === undefined) return refuse('no-user');
      identity = { kind: 'user', accountId };
    }
    // A route the product does not know is passed through for the product to answer (404).
    if (alternatives) {
      const declared = alternatives.filter((scopes) => scopes.every((scope) => this.scopes.has(scope)));
      if (declared.length === 0) return refuse('missing-scope');
      const impersonating = identity.kind === 'user' && identity.accountId !== invokingAccountId;
      const impersonable = declared.some((scopes) => scopes.every((scope) => this.scopes.get(scope)?.allowImpersonation));
      const closed = identity.kind === 'user' && this.accountClosed(identity.accountId);
      if (impersonating && (!impersonable || closed)) return refuse('impersonation-not-allowed');
    }
    const response = await this.product.handle({
      method,
      path,
      headers: headerRecord(init?.headers),
      body: bodyText(init?.body),
      identity,
    });
    return toFetchResponse(response);
  }
}
