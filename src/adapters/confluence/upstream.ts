import { NeedsAuthenticationError, ProxyRequestError } from '@forge/api';
import { AppError } from '../../core/errors';
import type { UpstreamResponse } from '../../ports/confluence';

interface FetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export async function toUpstream(response: FetchResponse): Promise<UpstreamResponse> {
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? undefined,
    retryAfter: response.headers.get('retry-after') ?? undefined,
    link: response.headers.get('link') ?? undefined,
  };
}

/**
 * Acting as an absent owner depends on the platform granting impersonation. When it refuses, say so
 * with a clear code: never fall back to acting as the app, whose rights are not the owner's.
 */
export async function asOwner(request: () => Promise<FetchResponse>): Promise<UpstreamResponse> {
  try {
    return await toUpstream(await request());
  } catch (error) {
    if (error instanceof ProxyRequestError || error instanceof NeedsAuthenticationError) {
      throw new AppError('IMPERSONATION_REFUSED', "Forge refused to act as the token's owner; the owner may be deactivated or the app's impersonation permission missing.");
    }
    throw error;
  }
}

/** Reads a JSON answer from Confluence acting as the signed-in user; anything else is an upstream failure. */
export async function expectJson<T>(response: FetchResponse, what: string): Promise<T> {
  if (!response.ok) {
    throw new AppError('UPSTREAM_ERROR', `Confluence could not ${what} (status ${response.status}).`);
  }
  return (await response.json()) as T;
}
