import type { CreateTokenInput, TokenInfo, VisibleSpace } from '../contract/resolvers';
import { DAY_MS } from '../core/clock';
import { AppError } from '../core/errors';
import { hashSecret, SALT_BYTES } from '../core/secret-hash';
import { missingRights, type MissingRight } from '../core/scope';
import { NO_USAGE, toTokenInfo, type TokenRecord, type TreeRoot } from '../core/token';
import type { Policy } from '../core/policy';
import { createdWithinDay, creationRefusal, quotaOf, taking, type TokenQuota } from '../core/token-quota';
import { generateToken, tokenHint } from '../core/token-format';
import { parseCreateTokenInput } from '../core/token-request';
import type { Actor, Deps } from './deps';

/** Issues a token; the plaintext is returned here and never again. */
export async function issueToken(deps: Deps, actor: Actor, input: unknown): Promise<{ token: string; info: TokenInfo }> {
  const policy = await deps.policy.get();
  const request = parseCreateTokenInput(input, policy);
  const now = deps.clock();

  // Checked before asking Confluence anything, and again, atomically, when the token is stored.
  let quota = await quotaFor(deps, actor.accountId, now);
  refuseOverLimit(quota, policy, now);

  const spaces = await requireOwnerRights(actor, request);
  const pages = await requireVisibleRoots(actor, request.pageIds ?? [], spaces);
  const { id, secret, token } = generateToken(deps.randomBytes, await deps.checksumKey());
  const record: TokenRecord = {
    id,
    ownerAccountId: actor.accountId,
    label: request.label,
    spaces: spaces.map(({ key, id: spaceId }) => ({ key, id: spaceId })),
    operations: request.operations,
    createdAt: now,
    expiresAt: now + request.expiresInDays * DAY_MS,
    revokedAt: null,
    secretHash: hashSecret(secret, deps.randomBytes(SALT_BYTES), deps.pepper),
    hint: tokenHint(token),
    allowedIps: request.allowedIps ?? [],
    pages,
    previousSecret: null,
    adminCuts: [],
    version: 1,
  };
  for (let attempt = 1; ; attempt++) {
    refuseOverLimit(quota, policy, now);
    const next = taking(quota, record, now);
    try {
      await deps.tokens.create(record, { ownerAccountId: actor.accountId, previous: quota, next });
      break;
    } catch (error) {
      // Another of the owner's creations or revocations got there first: count again.
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt === CREATE_ATTEMPTS) throw error;
      quota = await quotaFor(deps, actor.accountId, now);
    }
  }
  return { token, info: toTokenInfo(record, NO_USAGE, now) };
}

/**
 * Each failed attempt means another change to the owner's tokens went through, so n simultaneous
 * creations by one owner all finish within n attempts; past this many, the caller gets CONFLICT.
 */
const CREATE_ATTEMPTS = 25;

/**
 * The owner's quota; for an owner whose tokens predate quotas, counted once from their tokens (an index
 * query, eventually consistent: a token created a moment before could be missed, once per owner).
 */
async function quotaFor(deps: Deps, ownerAccountId: string, now: number): Promise<TokenQuota> {
  const stored = await deps.tokens.quota(ownerAccountId);
  return stored.version > 0 ? stored : quotaOf(await deps.tokens.listByOwner(ownerAccountId), now);
}

/** The policy's two limits on an owner's tokens: how many are active, and how many were created in 24 hours. */
function refuseOverLimit(quota: TokenQuota, policy: Policy, now: number): void {
  const refusal = creationRefusal(quota, policy, now);
  if (refusal === 'active') {
    throw new AppError('TOKEN_LIMIT_REACHED', `You already have ${policy.maxTokensPerUser} active tokens, the most your site allows. Revoke one first.`);
  }
  if (refusal === 'daily') {
    const nextAllowed = new Date(Math.min(...createdWithinDay(quota, now)) + DAY_MS).toISOString();
    throw new AppError(
      'TOKEN_LIMIT_REACHED',
      `You created ${policy.maxTokenCreationsPerDay} tokens in the last 24 hours, the most your site allows (revoked ones count). You can create another after ${nextAllowed}.`,
    );
  }
}

/** A token can never exceed its owner's rights: every operation must be held in every space, now. */
async function requireOwnerRights(actor: Actor, request: CreateTokenInput): Promise<VisibleSpace[]> {
  const spaces = await actor.confluence.spacesByKeys(request.spaceKeys);
  const byKey = new Map(spaces.map((space) => [space.key, space]));
  const rights = await Promise.all(
    spaces.map(async (space) => ({ space, operations: (await actor.confluence.spaceRights(space.id)).operations })),
  );
  const missing: MissingRight[] = [
    ...request.spaceKeys.filter((key) => !byKey.has(key)).map((spaceKey) => ({ spaceKey, operations: request.operations })),
    ...missingRights(request.operations, rights),
  ];
  if (missing.length > 0) {
    const list = missing.map((entry) => `${entry.spaceKey}: ${entry.operations.join(', ')}`).join('; ');
    throw new AppError('INSUFFICIENT_PERMISSIONS', `You cannot grant rights you do not hold (${list}).`, missing);
  }
  return request.spaceKeys.map((key) => byKey.get(key)!);
}

/** Each page-tree root must be a current page the owner can see, in one of the token's spaces. */
async function requireVisibleRoots(actor: Actor, pageIds: string[], spaces: VisibleSpace[]): Promise<TreeRoot[]> {
  if (pageIds.length === 0) return [];
  // One call for all roots; the trash and archive do not count: a tree is rooted in a current page.
  const current = (await actor.confluence.findPages(pageIds)).filter((page) => page.status === 'current');
  const found = new Map(current.map((page) => [page.id, page]));
  const refused = pageIds.filter((id) => !spaces.some((space) => space.id === found.get(id)?.spaceId));
  if (refused.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `pageIds: ${refused.join(', ')} ${refused.length === 1 ? 'is not a page' : 'are not pages'} you can see in the token's spaces.`,
      { pageIds: refused },
    );
  }
  return pageIds.map((id) => {
    const page = found.get(id)!;
    return { id, spaceId: page.spaceId, title: page.title };
  });
}
