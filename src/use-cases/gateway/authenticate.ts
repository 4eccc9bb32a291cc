import { AppError } from '../../core/errors';
import type { Policy } from '../../core/policy';
import { narrowedByPolicy } from '../../core/scope';
import { verifySecret, type SecretHash } from '../../core/secret-hash';
import { previousSecretValidUntil, tokenStatus, type TokenRecord } from '../../core/token';
import { parseToken, tokenParts } from '../../core/token-format';
import { tokenFromAuthorization, wrongCredentialHint } from '../../core/credentials';
import type { GatewayDeps } from '../deps';

const OPAQUE = 'The token is missing, malformed, unknown, expired or revoked.';

/**
 * One opaque failure for every reason about our tokens, so a caller learns nothing about which exist;
 * only a credential that is plainly something else (judged from its text alone) gets a hint.
 */
const invalidToken = (credential?: string) => new AppError('INVALID_TOKEN', wrongCredentialHint(credential) ?? OPAQUE);

/** Which of the token's secrets the caller presented: the previous one only works during a rotation's grace period. */
export type Credential = 'current' | 'previous';

export interface Authenticated {
  /** As stored: what a change to the token itself (rotation) starts from. */
  token: TokenRecord;
  /** As it may act now: narrowed by the site policy (operations, lifetime). */
  effective: TokenRecord;
  policy: Policy;
  credential: Credential;
  /** The hash of the secret presented, so a self-rotation can tell whether it is still the current one. */
  presented: SecretHash;
}

/**
 * Malformed tokens, bad checksums and tokens from other installations are refused before any storage
 * access (the checksum key is cached per function instance), and so is a token over its request
 * limit: a checksum-valid token comes from its holder, so one holder's flood costs no storage. A
 * token that passes costs exactly one storage read (the token and the policy together), and acts as
 * the policy narrows it now: a token past the policy's longest lifetime is refused like an expired one.
 */
export async function authenticate(deps: GatewayDeps, authorization: string | undefined): Promise<Authenticated> {
  const text = tokenFromAuthorization(authorization);
  if (text === undefined || !tokenParts(text)) throw invalidToken(text);
  const parsed = parseToken(text, await deps.checksumKey());
  if (!parsed) throw invalidToken(text);
  const limiter = deps.limiter();
  const wait = limiter.take(parsed.id, deps.clock());
  if (wait !== undefined) {
    throw new AppError('RATE_LIMITED', `This token is over its request limit; try again in ${wait} s.`, { retryAfterSeconds: wait });
  }
  const { token, policy } = await deps.tokens.getWithPolicy(parsed.id);
  limiter.configure(policy.maxRequestsPerMinute);
  if (!token) throw invalidToken();
  const now = deps.clock();
  const effective = narrowedByPolicy(token, policy);
  if (tokenStatus(effective, now) !== 'active') throw invalidToken();
  if (verifySecret(parsed.secret, token.secretHash, deps.pepper)) {
    return { token, effective, policy, credential: 'current', presented: token.secretHash };
  }
  // The previous secret's grace ends at its own limit, or sooner when the policy now allows less grace.
  const previous = token.previousSecret;
  const until = previousSecretValidUntil(token, policy.maxGraceHours);
  if (previous && until !== null && now < until && verifySecret(parsed.secret, previous.secretHash, deps.pepper)) {
    return { token, effective, policy, credential: 'previous', presented: previous.secretHash };
  }
  throw invalidToken();
}
