import type { VisibleSpace } from '../contract/resolvers';
import { AppError } from '../core/errors';
import { isSpaceKey } from '../core/input';
import type { Actor } from './deps';

/** Space admins of that space, checked as the user against Confluence, or site admins. */
export async function requireSpaceAdmin(actor: Actor, spaceKey: unknown): Promise<{ key: string; space?: VisibleSpace }> {
  if (!isSpaceKey(spaceKey)) {
    throw new AppError('VALIDATION_FAILED', 'spaceKey must be a Confluence space key.');
  }
  const [space] = await actor.confluence.spacesByKeys([spaceKey]);
  if (space && (await actor.confluence.spaceRights(space.id)).administer) return { key: spaceKey, space };
  if (await actor.confluence.isSiteAdmin()) return { key: spaceKey, space };
  throw new AppError('FORBIDDEN', `Only admins of space ${spaceKey} can do this.`);
}

export async function requireSiteAdmin(actor: Actor): Promise<void> {
  if (!(await actor.confluence.isSiteAdmin())) throw new AppError('FORBIDDEN', 'Only site admins can do this.');
}
