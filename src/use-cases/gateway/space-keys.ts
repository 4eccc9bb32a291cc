/**
 * Space keys as they are now. A token records its spaces by id and key, but Confluence lets a space's
 * key be changed, and a freed key be taken by another space: what a token reaches is its space ids,
 * and a query that must name spaces by key (CQL) uses the keys those ids have now. Resolving costs one
 * Confluence call (`GET /spaces?ids=…`, as the owner); the answer is kept per function instance and
 * installation for at most KEY_TTL_MS, so a rename reaches every instance within that time.
 */
import type { SpaceRef } from '../../contract/resolvers';
import { AppError } from '../../core/errors';
import type { RouteContext } from './route';

export const KEY_TTL_MS = 5 * 60_000;

/** Space id → its key as last resolved, and until when that may be used. */
export class SpaceKeyCache {
  private readonly keys = new Map<string, { key: string | null; until: number }>();

  known(ids: readonly string[], now: number): Map<string, string | null> | undefined {
    const found = new Map<string, string | null>();
    for (const id of ids) {
      const entry = this.keys.get(id);
      if (!entry || entry.until <= now) return undefined;
      found.set(id, entry.key);
    }
    return found;
  }

  remember(ids: readonly string[], keys: ReadonlyMap<string, string>, now: number): void {
    // A space the owner no longer sees is remembered as such (null) for as long as the keys are.
    for (const id of ids) this.keys.set(id, { key: keys.get(id) ?? null, until: now + KEY_TTL_MS });
  }
}

/** The token's spaces, each with the key it has now; spaces the owner no longer sees are left out. */
export async function spacesAsTheyAreNow(context: RouteContext): Promise<SpaceRef[]> {
  const ids = context.token.spaces.map((space) => space.id);
  const cache = context.deps.spaceKeys();
  const now = context.deps.clock();
  let keys = cache.known(ids, now);
  if (!keys) {
    const answer = await context.guard.lookups.listSpaces(new URLSearchParams({ ids: ids.join(','), limit: '250' }));
    if (answer.status !== 200) throw new AppError('UPSTREAM_ERROR', `Confluence answered ${answer.status} for the token's spaces.`);
    const listed = (JSON.parse(answer.body) as { results?: Array<{ id?: unknown; key?: unknown }> }).results ?? [];
    const resolved = new Map(listed.filter((space) => typeof space.key === 'string').map((space) => [String(space.id), String(space.key)]));
    cache.remember(ids, resolved, now);
    keys = cache.known(ids, now)!;
  }
  return ids.flatMap((id) => (keys.get(id) ? [{ id, key: keys.get(id)! }] : []));
}
