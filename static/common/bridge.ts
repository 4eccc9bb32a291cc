import { makeInvoke } from '@forge/bridge';
import type { DefArguments } from '@forge/resolver/shared';
import type { ResolverDefinitions, ResolverError } from '../../src/contract/resolvers';
import { isResolverError } from '../../src/contract/resolvers';
import { ResolverFailure } from './errors';

/** The bridge's invoke, typed end to end against the backend's resolver contract. */
export const invoke = makeInvoke<ResolverDefinitions>();

export type ResolverKey = keyof ResolverDefinitions & string;
export type ResolverSuccess<K extends ResolverKey> = Exclude<Awaited<ReturnType<ResolverDefinitions[K]>>, ResolverError>;

/** Calls a resolver; resolves with its result or rejects with a ResolverFailure that carries the error code. */
export async function callResolver<K extends ResolverKey>(
  key: K,
  ...args: DefArguments<ResolverDefinitions, K>
): Promise<ResolverSuccess<K>> {
  let result: Awaited<ReturnType<ResolverDefinitions[K]>>;
  try {
    result = await invoke(key, ...args);
  } catch (cause) {
    throw new ResolverFailure({ code: 'BRIDGE_FAILED', message: cause instanceof Error ? cause.message : String(cause) });
  }
  if (isResolverError(result)) throw new ResolverFailure(result.error);
  return result as ResolverSuccess<K>;
}
