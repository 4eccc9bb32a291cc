import type { TokenInfo } from '../contract/resolvers';
import { auditEventId, UI_METHOD } from '../core/audit';
import { randomBase62 } from '../core/base62';
import { AppError } from '../core/errors';
import { asRecord } from '../core/input';
import type { Policy } from '../core/policy';
import { parseGraceHours, rotated } from '../core/rotation';
import { hashSecret, SALT_BYTES, type SecretHash } from '../core/secret-hash';
import { tokenStatus, type TokenRecord } from '../core/token';
import { formatToken, TOKEN_SECRET_LENGTH, tokenHint } from '../core/token-format';
import { requireAllowlistIfPolicyDoes } from '../core/token-request';
import type { Actor, Deps } from './deps';
import { changeToken, findToken, withCutsNamed, withUsage } from './own-tokens';

/**
 * Gives a token a new secret (returned here and never again). `presented` is the secret hash the caller
 * authenticated with, when a script rotates itself: if another rotation won meanwhile, this one is
 * refused rather than applied on top, since the caller's secret is then no longer the current one.
 */
export async function rotateSecret(
  deps: Deps,
  token: TokenRecord,
  graceHours: number,
  policy: Policy,
  presented?: SecretHash,
): Promise<{ token: string; record: TokenRecord }> {
  if (tokenStatus(token, deps.clock()) !== 'active') {
    throw new AppError('CONFLICT', 'Only active tokens can be rotated; this one is revoked or expired.');
  }
  requireAllowlistIfPolicyDoes(policy, token.allowedIps);
  const secret = randomBase62(TOKEN_SECRET_LENGTH, deps.randomBytes);
  const text = formatToken({ id: token.id, secret }, await deps.checksumKey());
  const next = { secretHash: hashSecret(secret, deps.randomBytes(SALT_BYTES), deps.pepper), hint: tokenHint(text) };
  const record = await changeToken(deps, token, (current) => {
    if (presented && current.secretHash.hash !== presented.hash) {
      throw new AppError('CONFLICT', 'The token was rotated meanwhile; use its new secret.');
    }
    return rotated(current, next, graceHours, deps.clock());
  });
  return { token: text, record };
}

/** The owner rotates a token from the UI; the rotation is an audit event like the gateway's. */
export async function rotateOwnToken(deps: Deps, actor: Actor, input: unknown): Promise<{ token: string; info: TokenInfo }> {
  const { id, graceHours } = asRecord(input);
  const token = await findToken(deps, id, (candidate) => candidate.ownerAccountId === actor.accountId);
  const policy = await deps.policy.get();
  const { token: text, record } = await rotateSecret(deps, token, parseGraceHours(graceHours, policy), policy);
  const at = deps.clock();
  await deps.audit.append(
    {
      id: auditEventId(at, deps.randomBytes),
      at,
      tokenId: record.id,
      ownerAccountId: record.ownerAccountId,
      spaceId: null,
      spaceKey: null,
      operation: 'rotate',
      method: UI_METHOD,
      pageId: null,
      status: 200,
      outcome: 'ok',
      code: null,
      clientIp: null,
      userAgent: null,
    },
    policy.auditRetentionDays,
  );
  const { infos } = await withUsage(deps, [record]);
  return { token: text, info: (await withCutsNamed(actor, infos))[0] };
}
