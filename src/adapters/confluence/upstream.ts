import { NeedsAuthenticationError, ProxyRequestError } from '@forge/api';
import { AppError } from '../../core/errors';
import type { Deadline, UpstreamResponse } from '../../ports/confluence';

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

function timedOut(): AppError {
  return new AppError(
    'UPSTREAM_TIMEOUT',
    'Confluence did not answer in time. A change may or may not have been made: look before trying again.',
  );
}

/**
 * The call and the reading of its answer, abandoned once `deadline` passes: the signal aborts the
 * request where the runtime's fetch honours it, and the gateway stops waiting either way.
 */
async function withinDeadline<T>(work: (signal: AbortSignal) => Promise<T>, deadline: Deadline): Promise<T> {
  const remaining = deadline.remainingMs();
  if (remaining <= 0) throw timedOut();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timedOut());
    }, remaining);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Acting as an absent owner depends on the platform granting impersonation. When it refuses, say so
 * with a clear code: never fall back to acting as the app, whose rights are not the owner's. Every
 * call ends by the request's deadline, so the request ends inside Forge's 55 s with its audit event.
 */
export async function asOwner(request: (signal: AbortSignal) => Promise<FetchResponse>, deadline: Deadline): Promise<UpstreamResponse> {
  try {
    return await withinDeadline(async (signal) => toUpstream(await request(signal)), deadline);
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
