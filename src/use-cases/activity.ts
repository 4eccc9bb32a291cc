import type { Activity, DayActivity } from '../contract/resolvers';
import { activityWindow, spaceActivityCell, spaceTokenActivityCell, tokenActivityCell, type DailyCounts, type TokenDailyCounts } from '../core/activity-folder';
import { iso } from '../core/clock';
import { AppError } from '../core/errors';
import { asRecord } from '../core/input';
import { isTokenId } from '../core/token-format';
import { requireSpaceAdmin } from './admin-access';
import type { Actor, Deps } from './deps';
import { uncountedSince } from './uncounted';

/** Sparklines for a page of tokens: the owner's list shows at most this many at once. */
export const MAX_ACTIVITY_TOKENS = 100;

const asOfIso = (asOf: number | null) => (asOf === null ? null : iso(asOf));

/**
 * A space's requests per day over the last 30 days, for its admins (and site admins): every token's, or
 * one token's in this space. One storage read of the folded counts, whatever the traffic (they are folded
 * in the background, src/core/activity-folder.ts), and one audit query for the requests not folded yet.
 */
export async function spaceActivity(deps: Deps, actor: Actor, input: unknown): Promise<Activity> {
  const query = asRecord(input);
  if (query.tokenId !== undefined && !isTokenId(query.tokenId)) throw new AppError('VALIDATION_FAILED', 'tokenId must be a token id.');
  const { space } = await requireSpaceAdmin(actor, query.spaceKey);
  if (!space) throw new AppError('NOT_FOUND', `No space ${String(query.spaceKey)}.`);
  const cell = query.tokenId === undefined ? spaceActivityCell(space.id) : spaceTokenActivityCell(space.id, query.tokenId);
  const { counts, asOf } = await deps.activity.read([cell]);
  const uncounted = await uncountedSince(deps.audit, { by: 'space', spaceId: space.id }, asOf, query.tokenId as string | undefined);
  return { days: activityWindow(counts.get(cell) as DailyCounts | undefined, deps.clock()), asOf: asOfIso(asOf), uncounted };
}

/**
 * The caller's tokens' requests per day, for their sparklines. A token someone else owns reads as one
 * without requests: the folded cell names its owner, so no token record is read to check.
 */
export async function ownTokenActivity(deps: Deps, actor: Actor, input: unknown): Promise<{ activity: Record<string, DayActivity[]>; asOf: string | null }> {
  const { tokenIds } = asRecord(input);
  if (!Array.isArray(tokenIds) || tokenIds.length > MAX_ACTIVITY_TOKENS || !tokenIds.every(isTokenId)) {
    throw new AppError('VALIDATION_FAILED', `tokenIds must be a list of at most ${MAX_ACTIVITY_TOKENS} token ids.`);
  }
  const ids = [...new Set(tokenIds)];
  const { counts, asOf } = await deps.activity.read(ids.map(tokenActivityCell));
  const now = deps.clock();
  const activity = Object.fromEntries(
    ids.map((id) => {
      const cell = counts.get(tokenActivityCell(id)) as TokenDailyCounts | undefined;
      return [id, activityWindow(cell?.owner === actor.accountId ? cell : undefined, now)];
    }),
  );
  return { activity, asOf: asOfIso(asOf) };
}
