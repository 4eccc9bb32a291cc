import type { PageRef } from '../contract/resolvers';
import { AppError } from '../core/errors';
import { asRecord, isSpaceKey } from '../core/input';
import { MAX_SPACES_PER_TOKEN } from '../core/token-limits';
import type { Actor } from './deps';

const MAX_RESULTS = 20;
const MAX_QUERY_LENGTH = 100;

/** Pages for the page-tree picker: by title, in the chosen spaces, as the signed-in user sees them. */
export async function searchPages(actor: Actor, input: unknown): Promise<PageRef[]> {
  const { spaceKeys, query } = asRecord(input);
  if (!Array.isArray(spaceKeys) || spaceKeys.length < 1 || spaceKeys.length > MAX_SPACES_PER_TOKEN || !spaceKeys.every(isSpaceKey)) {
    throw new AppError('VALIDATION_FAILED', `spaceKeys must list 1 to ${MAX_SPACES_PER_TOKEN} space keys.`);
  }
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `query must be text of at most ${MAX_QUERY_LENGTH} characters.`);
  }
  const spaces = await actor.confluence.spacesByKeys(spaceKeys as string[]);
  const pages = await actor.confluence.pagesByTitle(spaces.map((space) => space.id), query, MAX_RESULTS);
  const keyOf = new Map(spaces.map((space) => [space.id, space.key]));
  return pages.map((page) => ({ id: page.id, title: page.title, spaceKey: keyOf.get(page.spaceId) ?? '' }));
}
