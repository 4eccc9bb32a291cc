import type { CreateTokenInput, TokenInfo, VisibleSpace } from '../contract/resolvers';
import { DAY_MS } from '../core/clock';
import { AppError } from '../core/errors';
import { hashSecret, SALT_BYTES } from '../core/secret-hash';
import { missingRights, type MissingRight } from '../core/scope';
import { NO_USAGE, toTokenInfo, tokenStatus, type TokenRecord } from '../core/token';
import { generateToken, tokenHint } from '../core/token-format';
import { parseCreateTokenInput } from '../core/token-request';
import type { Actor, Deps } from './deps';

/** Issues a token; the plaintext is returned here and never again. */
export async function issueToken(deps: Deps, actor: Actor, input: unknown): Promise<{ token: string; info: TokenInfo }> {
  const policy = await deps.policy.get();
  const request = parseCreateTokenInput(input, policy);
  const now = deps.clock();

  const owned = await deps.tokens.listByOwner(actor.accountId);
  if (owned.filter((token) => tokenStatus(token, now) === 'active').length >= policy.maxTokensPerUser) {
    throw new AppError('TOKEN_LIMIT_REACHED', `You already have ${policy.maxTokensPerUser} active tokens, the most your site allows. Revoke one first.`);
  }

  const spaces = await requireOwnerRights(actor, request);
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
    version: 1,
  };
  await deps.tokens.create(record);
  return { token, info: toTokenInfo(record, NO_USAGE, now) };
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
